/**
 * Input hygiene shared by both parsers: markup stripped from prose before any rule sees it, and
 * names that are reserved words in the languages code generation targets. Reserved names are kept
 * (an entity may well be called Order or Case) and reported, so generators quote or suffix them.
 */

export const RESERVED_SQL = new Set(`all alter and any as asc authorization between both by case cast check collate column constraint
  create cross current_date current_time current_timestamp current_user default delete desc distinct do drop else end except
  exists false fetch for foreign from full grant group having in inner insert intersect into is join leading left like limit
  natural not null offset on only or order outer primary references returning right select session_user some table then to
  trailing true union unique update user using values when where window with`.split(/\s+/));

export const RESERVED_JS = new Set(`abstract arguments await boolean break byte case catch char class const continue debugger default
  delete do double else enum eval export extends false final finally float for function goto if implements import in instanceof
  int interface let long native new null package private protected public return short static super switch synchronized this
  throw throws transient true try typeof var void volatile while with yield constructor prototype`.split(/\s+/));

export type ReservedIn = 'sql' | 'js';

/** Where a name is reserved (case-insensitive), so code generation can quote or rename it. */
export function reservedIn(name: string): ReservedIn[] {
  const lower = name.toLowerCase();
  const found: ReservedIn[] = [];
  if (RESERVED_SQL.has(lower)) found.push('sql');
  if (RESERVED_JS.has(lower)) found.push('js');
  return found;
}

export interface StrippedText {
  text: string;
  /** 1-based lines where markup was removed. */
  lines: number[];
}

const SCRIPT_OPEN = /<(script|style|iframe|object|embed|template)\b/g;
const TAG = /<\/?[a-zA-Z!][^<>\n]{0,500}>/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Removes HTML tags (and the content of script/style blocks), control and bidi-override
 * characters. Replacements keep the line breaks, so every later line number still points at
 * the user's text.
 */
export function stripMarkup(input: string): StrippedText {
  const touched = new Set<number>();
  const breaks: number[] = [];
  for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) breaks.push(i);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const mark = (offset: number, match: string) => {
    if (touched.size > 1_000) return;
    const line = lineOf(offset);
    const span = match.split('\n').length;
    for (let k = 0; k < span; k += 1) touched.add(line + k);
  };
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  // Script-like blocks go with their content; a linear scan, so unclosed tags cannot make it quadratic.
  const lower = input.toLowerCase();
  let text = '';
  let pos = 0;
  SCRIPT_OPEN.lastIndex = 0;
  const unclosed = new Set<string>();
  for (let m = SCRIPT_OPEN.exec(lower); m !== null; m = SCRIPT_OPEN.exec(lower)) {
    // Once a closing tag is missing it stays missing further on: remembered, so each search runs once.
    const closing = unclosed.has(m[1]!) ? -1 : lower.indexOf(`</${m[1]!}`, m.index);
    if (closing < 0) unclosed.add(m[1]!);
    const end = lower.indexOf('>', closing < 0 ? m.index : closing);
    const stop = end < 0 ? lower.length : end + 1;
    mark(m.index, input.slice(m.index, stop));
    text += input.slice(pos, m.index) + blank(input.slice(m.index, stop));
    pos = stop;
    SCRIPT_OPEN.lastIndex = stop;
  }
  text += input.slice(pos);
  text = text.replace(TAG, (match: string, offset: number) => {
    mark(offset, match);
    return blank(match);
  });
  text = text.replace(CONTROL, ' ').replace(/\t/g, '    ');
  return { text, lines: [...touched].sort((a, b) => a - b) };
}
