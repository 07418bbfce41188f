import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUiLiterals } from './support/ui-literals';

const RENDERER = join(__dirname, '..', 'src', 'renderer', 'src');

describe('the UI takes its words from the catalogue', () => {
  it('no renderer file writes UI text in the code (English would show it in Swedish)', () => {
    const found = findUiLiterals(RENDERER, (rel) => rel.startsWith('i18n/'));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
