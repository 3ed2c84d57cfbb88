/** Identifiers are random UUIDs: unguessable, sortable enough with a created_at column beside them. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
