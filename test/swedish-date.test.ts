import { describe, expect, it } from 'vitest';
import { parseSwedishDate } from '../src/shared/swedish-date';
import { formatDateLong } from '../src/shared/swedish-format';

describe('a date typed the Swedish way, whatever the browser locale', () => {
  it.each([
    ['2026-06-09', '2026-06-09'],
    ['2026-6-9', '2026-06-09'],
    ['20260609', '2026-06-09'],
    ['9/6 2026', '2026-06-09'],
    ['9/6-2026', '2026-06-09'],
    ['9/6-26', '2026-06-09'],
    ['9.6.2026', '2026-06-09'],
    ['09.06.2026', '2026-06-09'],
    ['9 juni 2026', '2026-06-09'],
    ['den 9 juni 2026', '2026-06-09'],
    ['9 JUNI 2026', '2026-06-09'],
    ['9 jun. 2026', '2026-06-09'],
    ['29 februari 2028', '2028-02-29'],
    ['1 december 2026', '2026-12-01'],
  ])('reads %s', (typed, iso) => expect(parseSwedishDate(typed)).toBe(iso));

  it.each(['', 'i morgon', '2026-02-30', '31/4 2026', '29 februari 2027', '9 juno 2026', '9/13 2026', '06/09/2026x', '2026/06/09'])(
    'refuses %j',
    (typed) => expect(parseSwedishDate(typed)).toBeNull(),
  );

  it('shows the stored date as Swedish text', () => {
    expect(formatDateLong(parseSwedishDate('9/6 2026')!)).toBe('9 juni 2026');
  });
});
