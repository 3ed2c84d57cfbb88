import { isMap, isNode, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';

/**
 * Maps model paths (`['entities', 2, 'fields', 0, 'type']`) to places in the YAML/JSON text, so
 * every validation error and every item of a structured spec can point at its line and column.
 */

export type PathPart = string | number;

export function pathString(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

export interface Place {
  line: number;
  column: number;
}

export class Locator {
  private readonly doc: Document | undefined;
  private readonly counter: LineCounter;

  constructor(doc: Document | undefined, counter: LineCounter) {
    this.doc = doc;
    this.counter = counter;
  }

  at(offset: number): Place {
    const pos = this.counter.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** Where the value at `path` starts; the nearest existing parent when the key is missing. */
  place(path: readonly PropertyKey[], key?: string): Place | undefined {
    if (this.doc === undefined) return undefined;
    for (let n = path.length; n >= 0; n -= 1) {
      const node = this.doc.getIn(path.slice(0, n) as PathPart[], true) as unknown;
      if (!isNode(node)) continue;
      if (n === path.length && key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        if (pair !== undefined && isNode(pair.key) && pair.key.range) return this.at(pair.key.range[0]);
      }
      // A missing key is reported on the line of its parent's key, where the user would add it.
      if (n < path.length && n > 0) {
        const parent = this.doc.getIn(path.slice(0, n - 1) as PathPart[], true) as unknown;
        const last = path[n - 1];
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
          if (pair !== undefined && isNode(pair.key) && pair.key.range) return this.at(pair.key.range[0]);
        }
      }
      const range = (node as Node).range;
      if (range) return this.at(range[0]);
    }
    return undefined;
  }

  placeOfIssue(issue: z.core.$ZodIssue): Place | undefined {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return this.place(issue.path, key);
  }
}
