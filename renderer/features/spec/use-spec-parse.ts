import { useEffect, useState } from 'react';
import type { AppError, SpecFormat, SpecParseResult } from '../../../core/api/index.ts';
import { useDihya } from '../../hooks/dihya-context.tsx';
import { toAppError } from '../../hooks/to-app-error.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';

export interface SpecParseState {
  /** The last good answer; kept while a newer text is being read or failed, so the panel never empties mid-typing. */
  result: SpecParseResult | undefined;
  /** The text `result` answers (its source lines refer to it). */
  parsedText: string | undefined;
  /** Typing has not settled yet, or the answer is on its way. */
  pending: boolean;
  error: AppError | undefined;
}

const PARSE_DELAY_MS = 400;

/** `spec.parse` once the text has stopped changing for a moment; only the newest answer counts. */
export function useSpecParse(text: string, format: SpecFormat): SpecParseState {
  const { client } = useDihya();
  // A string, not an object: the debounce compares values, and a new object each render never settles.
  const settledKey = useDebouncedValue(`${format}\n${text}`, PARSE_DELAY_MS);
  const [state, setState] = useState<Omit<SpecParseState, 'pending'> & { asked: string | undefined }>({ result: undefined, parsedText: undefined, error: undefined, asked: undefined });

  useEffect(() => {
    const asked = settledKey;
    const newline = asked.indexOf('\n');
    const settled = { format: asked.slice(0, newline) as SpecFormat, text: asked.slice(newline + 1) };
    if (settled.text.trim() === '') {
      setState({ result: undefined, parsedText: undefined, error: undefined, asked });
      return;
    }
    let current = true;
    client.invoke('spec.parse', { text: settled.text, format: settled.format }).then(
      (result) => current && setState({ result, parsedText: settled.text, error: undefined, asked }),
      (error: unknown) => current && setState((previous) => ({ ...previous, error: toAppError(error), asked })),
    );
    return () => {
      current = false;
    };
  }, [client, settledKey]);

  const pending = state.asked !== `${format}\n${text}`;
  return { result: state.result, parsedText: state.parsedText, error: state.error, pending };
}
