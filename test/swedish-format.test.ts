import { describe, expect, it } from 'vitest';
import {
  findDateInText,
  formatDateInText,
  formatDateLong,
  formatDateRange,
  formatPageOf,
  formatTime,
  formatTimeRange,
  MONTHS,
} from '../src/shared/swedish-format';

describe('Swedish dates', () => {
  it('writes every month in lower case, with single-digit days as they are', () => {
    const expected = [
      'januari',
      'februari',
      'mars',
      'april',
      'maj',
      'juni',
      'juli',
      'augusti',
      'september',
      'oktober',
      'november',
      'december',
    ];
    expect(MONTHS).toEqual(expected);
    expected.forEach((name, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(formatDateInText(`2026-${mm}-01`)).toBe(`den 1 ${name} 2026`);
      expect(formatDateLong(`2026-${mm}-15`)).toBe(`15 ${name} 2026`);
    });
  });

  it('matches the seed: "den 9 juni 2026"', () => {
    expect(formatDateInText('2026-06-09')).toBe('den 9 juni 2026');
  });

  it('gives nothing for dates that do not exist', () => {
    expect(formatDateInText('2026-02-30')).toBe('');
    expect(formatDateInText('2026-13-01')).toBe('');
    expect(formatDateInText('9 juni')).toBe('');
  });

  it('formats ranges within a month, across months and across years', () => {
    expect(formatDateRange('2026-06-09', '2026-06-12')).toBe('9–12 juni 2026');
    expect(formatDateRange('2026-06-09', '2026-11-12')).toBe('9 juni–12 november 2026');
    expect(formatDateRange('2026-12-30', '2027-01-02')).toBe('30 december 2026–2 januari 2027');
    expect(formatDateRange('2026-06-09', '2026-06-09')).toBe('9 juni 2026');
  });

  it('finds a date in a title', () => {
    expect(findDateInText('Minnesanteckningar från samråd … den 9 juni 2026')).toBe('2026-06-09');
    expect(findDateInText('Möte 31 November 2026')).toBeNull();
    expect(findDateInText('Inget datum här')).toBeNull();
  });
});

describe('Swedish times and pages', () => {
  it('writes "kl. 9.00–15.30" with an en dash and no leading zero', () => {
    expect(formatTimeRange('09:00', '15:30')).toBe('kl. 9.00–15.30');
    expect(formatTimeRange('9.00', '')).toBe('kl. 9.00');
    expect(formatTimeRange('', '15.30')).toBe('');
    expect(formatTime('13.05')).toBe('13.05');
    expect(formatTime('1305')).toBe('');
  });

  it('numbers pages "1 (3)"', () => {
    expect(formatPageOf(1, 3)).toBe('1 (3)');
  });
});
