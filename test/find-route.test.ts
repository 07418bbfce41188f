import { describe, expect, it } from 'vitest';
import { findKeyMode, isGlobalSearchKey, type KeyPress } from '../src/shared/find/keys';
import { docHash, parseDocHash } from '../src/shared/find/address';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the document address carries the global search query', () => {
  it('reads the plain document address as before', () => {
    expect(parseDocHash('#/doc/abc_12-3')).toEqual({ id: 'abc_12-3', query: null });
    expect(docHash('abc')).toBe('#/doc/abc');
    for (const other of ['#/', '', '#/templates', '#/series/V%C3%A5r', '#/doc/', '#/doc/a/b', '#/doc/a b'])
      expect(parseDocHash(other)).toBe(null);
  });

  it('round-trips a query with Swedish letters, spaces and URL-special characters', () => {
    for (const query of ['samråd', 'löpande insatser', 'a&b=c?d#e', '100 %', '+/ä']) {
      const hash = docHash('abc', query);
      expect(hash.startsWith('#/doc/abc?q=')).toBe(true);
      expect(parseDocHash(hash)).toEqual({ id: 'abc', query });
    }
  });

  it('an empty or missing query is no query', () => {
    expect(parseDocHash('#/doc/abc?q=')).toEqual({ id: 'abc', query: null });
    expect(parseDocHash('#/doc/abc?x=1')).toEqual({ id: 'abc', query: null });
    expect(docHash('abc', '')).toBe('#/doc/abc');
    expect(docHash('abc', null)).toBe('#/doc/abc');
  });
});

describe('find keys', () => {
  it('Ctrl+K and Ctrl+Shift+F go to the global search; Ctrl+F only when no document is open', () => {
    expect(isGlobalSearchKey(press('k', { ctrlKey: true }), true)).toBe(true);
    expect(isGlobalSearchKey(press('k', { metaKey: true }), false)).toBe(true);
    expect(isGlobalSearchKey(press('F', { ctrlKey: true, shiftKey: true }), true)).toBe(true);
    expect(isGlobalSearchKey(press('f', { ctrlKey: true }), true)).toBe(false);
    expect(isGlobalSearchKey(press('f', { ctrlKey: true }), false)).toBe(true);
    expect(isGlobalSearchKey(press('k'), false)).toBe(false);
    expect(isGlobalSearchKey(press('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });

  it('in a document Ctrl+F finds and Ctrl+H (or Cmd+Alt+F) replaces', () => {
    expect(findKeyMode(press('f', { ctrlKey: true }))).toBe('find');
    expect(findKeyMode(press('f', { metaKey: true }))).toBe('find');
    expect(findKeyMode(press('h', { ctrlKey: true }))).toBe('replace');
    expect(findKeyMode(press('f', { metaKey: true, altKey: true }))).toBe('replace');
    expect(findKeyMode(press('F', { ctrlKey: true, shiftKey: true }))).toBe(null);
    expect(findKeyMode(press('f', { ctrlKey: true, altKey: true }))).toBe(null);
    expect(findKeyMode(press('f'))).toBe(null);
    expect(findKeyMode(press('k', { ctrlKey: true }))).toBe(null);
  });
});
