import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, CommandInput, CommandName, CommandOutput, DihyaEvent, DihyaEventType } from '../../core/api/index.ts';
import { useDihya } from './dihya-context.tsx';
import { toAppError } from './to-app-error.ts';

export interface QueryState<K extends CommandName> {
  data: CommandOutput<K> | undefined;
  error: AppError | undefined;
  /** False until the first answer: tells "loading" from "empty". */
  loaded: boolean;
  loading: boolean;
  refresh(): void;
}

export interface QueryOptions {
  /** Events after which the answer may be stale (another window, the CLI or a job changed it). */
  refreshOn?: readonly DihyaEventType[];
  /** A further test on those events (e.g. only this project's). */
  filter?: (event: DihyaEvent) => boolean;
}

/**
 * A read command kept fresh, as `useProjects` does for the project list: it reloads when its input
 * changes, on the named events and when the window comes back into view (events may have been
 * missed while the stream reconnected). `input: undefined` skips the call (nothing chosen yet).
 * Only the newest request may write the state, so a slow old answer never overwrites a new one.
 */
export function useQuery<K extends CommandName>(command: K, input: CommandInput<K> | undefined, options: QueryOptions = {}): QueryState<K> {
  const { client } = useDihya();
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<Omit<QueryState<K>, 'refresh'>>({ data: undefined, error: undefined, loaded: false, loading: input !== undefined });
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  const key = input === undefined ? undefined : JSON.stringify(input);
  const filter = useRef(options.filter);
  filter.current = options.filter;
  const refreshOn = (options.refreshOn ?? []).join(' ');

  useEffect(() => {
    if (key === undefined) {
      setState({ data: undefined, error: undefined, loaded: false, loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    client.invoke(command, JSON.parse(key) as CommandInput<K>).then(
      (data) => current && setState({ data, error: undefined, loaded: true, loading: false }),
      (error: unknown) => current && setState((previous) => ({ ...previous, loaded: true, loading: false, error: toAppError(error) })),
    );
    return () => {
      current = false;
    };
  }, [client, command, key, generation]);

  useEffect(() => {
    if (refreshOn === '') return;
    const types = new Set(refreshOn.split(' '));
    return client.subscribe((event) => {
      if (types.has(event.type) && (filter.current?.(event) ?? true)) refresh();
    });
  }, [client, refreshOn, refresh]);

  useEffect(() => {
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  return { ...state, refresh };
}
