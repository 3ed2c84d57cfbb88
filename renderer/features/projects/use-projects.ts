import { useCallback, useEffect, useState } from 'react';
import type { AppError, DihyaEvent, Project } from '../../../core/api/index.ts';
import { useDihya } from '../../hooks/dihya-context.tsx';
import { toAppError } from '../../hooks/to-app-error.ts';

export interface ProjectsQuery {
  search: string;
  limit: number;
}

export interface ProjectsState {
  items: Project[];
  total: number;
  /**
   * The (trimmed) search these items answer. While a new search is loading the old items stay,
   * and the page must describe them by this, not by what is being typed.
   */
  answeredSearch: string;
  /** False until the first answer: distinguishes "loading" from "empty". */
  loaded: boolean;
  loading: boolean;
  error: AppError | undefined;
  refresh(): void;
}

const PROJECT_EVENTS: ReadonlySet<DihyaEvent['type']> = new Set(['project.created', 'project.updated', 'project.deleted']);

/**
 * The project list for a search, kept fresh: it reloads on every project event (another window,
 * the CLI or this one changed something) and when the window comes back into view, which also
 * covers events missed while the event stream was reconnecting.
 */
export function useProjects(query: ProjectsQuery): ProjectsState {
  const { client } = useDihya();
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<Omit<ProjectsState, 'refresh'>>({ items: [], total: 0, answeredSearch: '', loaded: false, loading: true, error: undefined });
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    // Only the newest request may write the state: an older, slower answer must not overwrite it.
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    const search = query.search.trim();
    client.invoke('projects.list', { limit: query.limit, ...(search ? { search } : {}) }).then(
      (page) => current && setState({ items: page.items, total: page.total, answeredSearch: search, loaded: true, loading: false, error: undefined }),
      (error: unknown) => current && setState((previous) => ({ ...previous, loading: false, error: toAppError(error) })),
    );
    return () => {
      current = false;
    };
  }, [client, query.search, query.limit, generation]);

  useEffect(() => client.subscribe((event) => PROJECT_EVENTS.has(event.type) && refresh()), [client, refresh]);

  useEffect(() => {
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  return { ...state, refresh };
}
