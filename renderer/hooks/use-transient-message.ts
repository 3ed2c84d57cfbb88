import { useCallback, useEffect, useState } from 'react';

/** A message that clears itself after `ms`, for "saved" style confirmations. */
export function useTransientMessage(ms = 6_000): [string | undefined, (message: string) => void] {
  const [message, setMessage] = useState<{ text: string; at: number } | undefined>(undefined);
  useEffect(() => {
    if (message === undefined) return;
    const timer = setTimeout(() => setMessage(undefined), ms);
    return () => clearTimeout(timer);
  }, [message, ms]);
  // `at` makes the same text shown twice in a row a new state, so its timer restarts.
  const show = useCallback((text: string) => setMessage({ text, at: Date.now() }), []);
  return [message?.text, show];
}
