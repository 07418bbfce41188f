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

  it.each([
    ['9 June 2026', '2026-06-09'],
    ['9th June 2026', '2026-06-09'],
    ['1st May 2026', '2026-05-01'],
    ['June 9, 2026', '2026-06-09'],
    ['June 9 2026', '2026-06-09'],
    ['Jun. 9, 2026', '2026-06-09'],
    ['9 Sept 2026', '2026-09-09'],
    ['3 October 2026', '2026-10-03'],
    ['March 1, 2026', '2026-03-01'],
    ['29 February 2028', '2028-02-29'],
    ['9/6/2026', '2026-06-09'],
  ])('reads %s, an English month as the English UI shows and takes it', (typed, iso) => expect(parseSwedishDate(typed)).toBe(iso));

  it.each([
    '',
    'i morgon',
    '2026-02-30',
    '31/4 2026',
    '29 februari 2027',
    '9 juno 2026',
    '9/13 2026',
    '06/09/2026x',
    '2026/06/09',
    '29 February 2027',
    'June 31, 2026',
    'Ju 9, 2026',
    'June 9, 26',
  ])('refuses %j', (typed) => expect(parseSwedishDate(typed)).toBeNull());

  it('shows the stored date as Swedish text', () => {
    expect(formatDateLong(parseSwedishDate('9/6 2026')!)).toBe('9 juni 2026');
  });
});
