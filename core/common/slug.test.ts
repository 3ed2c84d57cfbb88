import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('keeps Latin names readable: accents dropped, other letters spelt out', () => {
    expect(slugify('Boulangerie Amel')).toBe('boulangerie-amel');
    expect(slugify('Café Crème — Béjaïa')).toBe('cafe-creme-bejaia');
    expect(slugify('Straße & Søn, Łódź')).toBe('strasse-son-lodz');
  });

  it('transliterates Arabic instead of falling back to "project"', () => {
    expect(slugify('مخبزة أمل')).toBe('mkhbza-aml');
    expect(slugify('ورشة نور ٢٠٢٦')).toBe('wrsha-nwr-2026');
    // Harakat (short vowels written as marks) go with the other marks.
    expect(slugify('مَخْبَزَة')).toBe('mkhbza');
  });

  it('falls back to "project" for scripts it cannot spell, and stays short', () => {
    expect(slugify('東京のパン屋')).toBe('project');
    expect(slugify('   ')).toBe('project');
    expect(slugify('a'.repeat(80))).toHaveLength(60);
    expect(slugify(`${'ab '.repeat(30)}`)).not.toMatch(/-$/);
  });
});
