import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../core/api/index.ts';
import { useNavigation } from '../app/navigation.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FolderIcon } from './icons.tsx';

const PROJECT_EVENTS = ['project.created', 'project.updated', 'project.deleted'] as const;

export interface ProjectSelection {
  project: Project | undefined;
  /** The picker, or what to do when there is no project yet. */
  picker: ReactNode;
  loaded: boolean;
}

/**
 * The project a project-scoped page works on: the one chosen in the navigation (kept across
 * pages), or the most recently updated one. When the chosen project is deleted elsewhere, the page
 * falls back to another instead of showing a ghost.
 */
export function useProjectSelection(): ProjectSelection {
  const { t } = useTranslation();
  const { route, selectProject, navigate } = useNavigation();
  const list = useQuery('projects.list', { limit: 500 }, { refreshOn: PROJECT_EVENTS });
  const id = useId();
  const items = list.data?.items ?? [];
  const project = items.find((p) => p.id === route.projectId) ?? items[0];

  useEffect(() => {
    if (project !== undefined && project.id !== route.projectId) selectProject(project.id);
  }, [project, route.projectId, selectProject]);

  let picker: ReactNode = null;
  if (list.error) picker = <ErrorAlert error={list.error} />;
  else if (list.loaded && items.length === 0) {
    picker = (
      <EmptyState
        icon={<FolderIcon width={28} height={28} />}
        title={t('common.noProject.title')}
        body={t('common.noProject.body')}
        action={
          <button type="button" className="button button--primary" onClick={() => navigate('projects')}>
            {t('common.noProject.action')}
          </button>
        }
      />
    );
  } else if (project !== undefined) {
    picker = (
      <div className="project-picker">
        <label htmlFor={id} className="project-picker__label">
          {t('common.project')}
        </label>
        <select id={id} className="input select" value={project.id} onChange={(event) => selectProject(event.target.value)}>
          {items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return { project, picker, loaded: list.loaded };
}
