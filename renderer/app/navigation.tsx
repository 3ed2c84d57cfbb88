import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export const PAGE_IDS = ['projects', 'spec', 'generate', 'publish', 'backups', 'schedule', 'privacy', 'settings'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/**
 * Where the user is: a page, and the project the project-scoped pages (spec, generate, publish)
 * work on. The project stays chosen across pages, so "edit the spec, then generate, then publish"
 * never asks twice.
 */
export interface Route {
  page: PageId;
  projectId: string | undefined;
}

interface Navigation {
  route: Route;
  /** Opens a page; without `projectId` the current project stays chosen. */
  navigate(page: PageId, projectId?: string): void;
  selectProject(projectId: string | undefined): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function NavigationProvider(props: { initial?: Route; children: ReactNode }): ReactNode {
  const [route, setRoute] = useState<Route>(props.initial ?? { page: 'projects', projectId: undefined });
  const navigate = useCallback((page: PageId, projectId?: string) => setRoute((r) => ({ page, projectId: projectId ?? r.projectId })), []);
  const selectProject = useCallback((projectId: string | undefined) => setRoute((r) => ({ ...r, projectId })), []);
  const value = useMemo(() => ({ route, navigate, selectProject }), [route, navigate, selectProject]);
  return <NavigationContext value={value}>{props.children}</NavigationContext>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (navigation === undefined) throw new Error('useNavigation() is used outside <NavigationProvider>.');
  return navigation;
}
