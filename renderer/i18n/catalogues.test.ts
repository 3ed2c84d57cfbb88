import { describe, expect, it } from 'vitest';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { pickLanguage } from './languages.ts';

function entries(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value as object, `${prefix}${key}.`),
  );
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('catalogues', () => {
  for (const [name, catalogue] of [['fr', fr], ['ar', ar]] as const) {
    it(`${name} uses the same placeholders as en, and leaves nothing empty`, () => {
      const translated = new Map(entries(catalogue));
      for (const [key, text] of entries(en)) {
        const other = translated.get(key);
        expect(other, key).toBeTruthy();
        expect(placeholders(other ?? ''), key).toEqual(placeholders(text));
      }
    });
  }
});

describe('pickLanguage', () => {
  it('prefers the stored choice', () => {
    expect(pickLanguage('ar', ['fr-FR'])).toBe('ar');
  });
  it('matches browser languages on their primary subtag, in order', () => {
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(undefined, ['ar-DZ'])).toBe('ar');
  });
  it('ignores a stored value it does not know and falls back to English', () => {
    expect(pickLanguage('kab', ['es', 'de'])).toBe('en');
  });
});
