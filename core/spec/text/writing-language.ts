import { markerCounts } from './sentence.ts';
import type { WritingLanguage } from './normalise.ts';

export interface WritingLanguageResult {
  main: WritingLanguage;
  /** Both languages carry a real share of the text: translations between them are allowed. */
  mixed: boolean;
}

/** Which language the spec is written in, from function-word counts (not the app's languages). */
export function detectWritingLanguage(text: string): WritingLanguageResult {
  let fr = 0;
  let en = 0;
  for (const line of text.split('\n')) {
    const counts = markerCounts(line);
    // Per line, so one long French paragraph does not hide English lines.
    if (counts.fr > counts.en) fr += 1 + Math.min(counts.fr, 10) / 10;
    else if (counts.en > counts.fr) en += 1 + Math.min(counts.en, 10) / 10;
  }
  if (/[àâçéèêëîïôûùœ]/i.test(text)) fr += 0.5;
  const main: WritingLanguage = fr >= en ? 'fr' : 'en';
  const minority = Math.min(fr, en);
  return { main, mixed: minority >= 1.5 && minority / (fr + en) >= 0.2 };
}
