import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, IS_BOLD, TextNode, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { buildMinutes } from '../src/main/core/model/build-minutes';
import { CONTENT_FORMAT, CONTENT_VERSION, type ContentEnvelope } from '../src/shared/content';
import { MINNES_NODES } from '../src/shared/lexical/nodes';
import { $variablesFromText } from '../src/shared/lexical/text-variables';
import { variablesInContent } from '../src/shared/lexical/walk';
import { MetadataSchema } from '../src/shared/metadata';
import { documentTitle, expandVariables, isKnownVariable, splitVariables, variableValue } from '../src/shared/variables';

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
    expect(documentTitle(pattern, { ...meta, title: 'Samråd om {{tema}}' }).text).toBe('Samråd om Demokratisk integration');
    expect(documentTitle(pattern, { ...meta, title: 'Samråd i {{plats}}' }).missing).toEqual(['plats']);
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

/** A stored section whose paragraphs hold the given text nodes, as old documents or API input may. */
function stateWithText(...paragraphs: Array<Array<{ text: string; format?: number }>>): SerializedEditorState {
  const editor = createHeadlessEditor({
    nodes: [...MINNES_NODES],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (const runs of paragraphs)
        root.append($createParagraphNode().append(...runs.map((r) => $createTextNode(r.text).setFormat(r.format ?? 0))));
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

function content(state: SerializedEditorState): ContentEnvelope {
  return {
    format: CONTENT_FORMAT,
    version: CONTENT_VERSION,
    sections: [{ key: 'a', heading: 'A', printHeading: false, guidance: '', carryOver: false, state }],
  };
}

describe('{{name}} left as plain text', () => {
  it('is filled like a variable node when the document model is built, keeping bold', () => {
    const state = stateWithText([
      { text: 'Temat var ' },
      { text: '{{tema}}', format: IS_BOLD },
      { text: ' och {{ Datum }} höll {{värd}} i det.' },
    ]);
    const { model, missing } = buildMinutes(meta, content(state), null);
    expect(missing).toEqual([]);
    expect(model.blocks).toEqual([
      {
        type: 'paragraph',
        runs: [
          { type: 'text', text: 'Temat var ' },
          { type: 'text', text: 'Demokratisk integration', bold: true },
          { type: 'text', text: ' och Den 9 juni 2026 höll Adam Alfredsson i det.' },
        ],
      },
    ]);
  });

  it('is reported, once each, when it has no value or no such variable exists', () => {
    const state = stateWithText([{ text: 'På {{plats}} om {{finnsinte}} och {{plats}}.' }]);
    const { missing } = buildMinutes(meta, content(state), null);
    expect(missing).toEqual(['plats', 'finnsinte']);
  });

  it('counts among the variables a document uses, so the editor flags it too', () => {
    const state = stateWithText([{ text: 'Om {{finnsinte}}' }]);
    expect(variablesInContent(content(state))).toEqual(['finnsinte']);
  });

  it('splits text at each variable and knows the template variables in any case', () => {
    expect(splitVariables('a {{tema}}{{ datum }} b')).toEqual([
      { text: 'a ' },
      { variable: 'tema' },
      { variable: 'datum' },
      { text: ' b' },
    ]);
    expect(splitVariables('inga klamrar {här}')).toEqual([{ text: 'inga klamrar {här}' }]);
    expect(isKnownVariable('Datum')).toBe(true);
    expect(isKnownVariable('finnsinte')).toBe(false);
  });
});

describe('the editor transform', () => {
  it('turns every {{name}} in a text node into a variable node with the text’s format', () => {
    const editor = createHeadlessEditor({
      nodes: [...MINNES_NODES],
      onError: (e) => {
        throw e;
      },
    });
    editor.registerNodeTransform(TextNode, $variablesFromText);
    editor.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('Hej {{tema}} och {{finnsinte}}!').setFormat(IS_BOLD)));
      },
      { discrete: true },
    );
    const paragraph = editor.getEditorState().toJSON().root.children[0] as unknown as { children: Array<Record<string, unknown>> };
    expect(
      paragraph.children.map((c) => (c.type === 'variable' ? { variable: c.name, format: c.format } : { text: c.text, format: c.format })),
    ).toEqual([
      { text: 'Hej ', format: IS_BOLD },
      { variable: 'tema', format: IS_BOLD },
      { text: ' och ', format: IS_BOLD },
      { variable: 'finnsinte', format: IS_BOLD },
      { text: '!', format: IS_BOLD },
    ]);
  });
});
