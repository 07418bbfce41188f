import { describe, expect, it } from 'vitest';
import { MetadataSchema } from '../src/shared/metadata';
import { documentTitle, expandVariables, variableValue } from '../src/shared/variables';

const meta = MetadataSchema.parse({
  department: 'Arbetsmarknadsdepartementet',
  unit: 'Enheten för integration och arbetet mot utanförskap',
  date: '2026-06-09',
  startTime: '9:00',
  endTime: '15.30',
  theme: 'Demokratisk integration',
  host: 'Adam Alfredsson',
});

describe('variables', () => {
  it('fills every known variable from the metadata', () => {
    const r = expandVariables('{{Datum}} bjöd {{värd}} in till samråd på temat {{tema}}, {{tid}}, {{år}}.', meta);
    expect(r).toEqual({
      text: 'Den 9 juni 2026 bjöd Adam Alfredsson in till samråd på temat Demokratisk integration, kl. 9.00–15.30, 2026.',
      missing: [],
    });
  });

  it('reports variables without a value and leaves them visible, once each', () => {
    const r = expandVariables('{{plats}} och {{plats}} och {{okänd}} och {{ dnr }}', meta);
    expect(r.missing).toEqual(['plats', 'okänd', 'dnr']);
    expect(r.text).toBe('{{plats}} och {{plats}} och {{okänd}} och {{ dnr }}');
  });

  it('builds the title from the pattern, or takes the one typed in', () => {
    const pattern = 'Minnesanteckningar från samråd mellan civilsamhället och {{departement}} {{datum}}';
    expect(documentTitle(pattern, meta).text).toBe(
      'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
    );
    expect(documentTitle(pattern, { ...meta, title: 'Egen titel' }).text).toBe('Egen titel');
    expect(documentTitle(pattern, { ...meta, date: '' }).missing).toEqual(['datum']);
  });

  it('leaves out an optional {{name?}} without a value, and without reporting it', () => {
    expect(documentTitle('{{dokumenttyp}} {{datum?}}', { ...meta, documentType: 'Minnesanteckningar', date: '' })).toEqual({
      text: 'Minnesanteckningar',
      missing: [],
    });
    expect(documentTitle('{{dokumenttyp}} {{datum?}}', { ...meta, documentType: 'Minnesanteckningar' }).text).toBe(
      'Minnesanteckningar den 9 juni 2026',
    );
  });

  it('has no value for an unknown name', () => {
    expect(variableValue('nonsens', meta)).toBe('');
  });
});
