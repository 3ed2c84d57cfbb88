import type { ProjectModel, SpecFormat } from '../../../core/api/index.ts';
import type { FieldOverrides } from './field-overrides.ts';

/**
 * A project's spec as the editor left it. The contract has no command that stores a project's
 * spec, so it is kept in this browser's storage (per project) until one exists; the structured
 * YAML can also be downloaded. `model` is the edited model when it passed the schema, which the
 * Generate page uses as it is.
 */
export interface SpecDraft {
  text: string;
  format: SpecFormat;
  overrides: FieldOverrides;
  model: ProjectModel | null;
  savedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (projectId: string): string => `dihya.specDraft.${projectId}`;

function isDraft(value: unknown): value is SpecDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return typeof draft.text === 'string' && typeof draft.format === 'string' && typeof draft.overrides === 'object' && draft.overrides !== null && typeof draft.savedAt === 'string';
}

export function loadDraft(storage: Store | undefined, projectId: string): SpecDraft | undefined {
  try {
    const raw = storage?.getItem(keyOf(projectId));
    if (raw === null || raw === undefined) return undefined;
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? { ...value, model: value.model ?? null } : undefined;
  } catch {
    return undefined;
  }
}

/** False when the browser refused (full or disabled storage): the page says the draft was not kept. */
export function saveDraft(storage: Store | undefined, projectId: string, draft: SpecDraft): boolean {
  if (storage === undefined) return false;
  try {
    storage.setItem(keyOf(projectId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves the editor's state only when it changed since the last save. The page saves from three
 * places (a table edit at once, typing after a pause, leaving the page), and the pause after a
 * table edit would otherwise write the same draft a second time. States are compared by identity:
 * React gives a changed value a new object.
 */
export function changedOnly<S extends Record<string, unknown>>(save: (state: S) => boolean): (state: S) => void {
  let saved: S | undefined;
  return (state) => {
    if (saved !== undefined && Object.keys(state).every((key) => Object.is(state[key], saved?.[key]))) return;
    if (save(state)) saved = state;
  };
}
