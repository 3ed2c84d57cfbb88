import { describe, expect, it } from 'vitest';
import { changedOnly, loadDraft, saveDraft, type SpecDraft } from './spec-drafts.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const draft: SpecDraft = { text: 'Patients : nom, email', format: 'auto', overrides: { 'Patient.nom': { required: true } }, model: null, savedAt: '2025-01-01T00:00:00.000Z' };

describe('spec drafts', () => {
  it('keeps one draft per project', () => {
    const storage = memoryStorage();
    expect(saveDraft(storage, 'a', draft)).toBe(true);
    expect(loadDraft(storage, 'a')).toEqual(draft);
    expect(loadDraft(storage, 'b')).toBeUndefined();
  });

  it('reads nothing from damaged or foreign values, and says when it could not save', () => {
    const storage = memoryStorage();
    storage.items.set('dihya.specDraft.a', '{not json');
    storage.items.set('dihya.specDraft.b', JSON.stringify({ text: 3 }));
    expect(loadDraft(storage, 'a')).toBeUndefined();
    expect(loadDraft(storage, 'b')).toBeUndefined();
    const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveDraft(full, 'a', draft)).toBe(false);
    expect(saveDraft(undefined, 'a', draft)).toBe(false);
  });
});

describe('changedOnly', () => {
  it('saves a state once, again only when a part of it changed, and retries a save that failed', () => {
    const writes: unknown[] = [];
    let accept = true;
    const persist = changedOnly((state: { text: string; overrides: object }) => {
      writes.push(state);
      return accept;
    });
    const overrides = { 'Patient.nom': { required: true } };
    persist({ text: 'a', overrides });
    persist({ text: 'a', overrides }); // the pause after a table edit: nothing new
    expect(writes).toHaveLength(1);
    persist({ text: 'a', overrides: { ...overrides } }); // a new edit, even to the same values
    persist({ text: 'ab', overrides });
    expect(writes).toHaveLength(3);
    accept = false;
    persist({ text: 'abc', overrides });
    persist({ text: 'abc', overrides });
    expect(writes).toHaveLength(5);
  });
});
