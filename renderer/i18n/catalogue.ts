/** The type every translation of a catalogue has: the reference's keys, each a string. */
export type Catalogue<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
