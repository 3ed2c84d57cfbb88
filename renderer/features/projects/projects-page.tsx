import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/api/index.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FolderIcon, PlusIcon, SearchIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { CreateProjectForm } from './create-project-form.tsx';
import { DeleteProjectDialog } from './delete-project-dialog.tsx';
import { ProjectTable } from './project-table.tsx';
import { useProjects } from './use-projects.ts';

const PAGE_SIZE = 50;

export function ProjectsPage(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Project | undefined>(undefined);
  const [notice, showNotice] = useTransientMessage();
  const debouncedSearch = useDebouncedValue(search, 200);
  const projects = useProjects({ search: debouncedSearch, limit });
  const newButton = useRef<HTMLButtonElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const searchId = useId();

  const answeredSearch = projects.answeredSearch;
  // Decided from the answered query: judging by the typed one would hide the search box (and its
  // focus) or flash "No projects yet" between clearing a search and the full list arriving.
  const showToolbar = projects.loaded && (projects.total > 0 || answeredSearch !== '' || search !== '');
  const nothingAtAll = projects.loaded && projects.items.length === 0 && answeredSearch === '';
  const nothingMatches = projects.loaded && projects.items.length === 0 && answeredSearch !== '';

  function closeCreate(): void {
    setCreating(false);
    // The button is rendered again on the next paint; focus it once it exists.
    requestAnimationFrame(() => newButton.current?.focus());
  }

  return (
    <div className="page">
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        badge={projects.loaded && projects.total > 0 ? <span className="count-badge">{format.number(projects.total)}</span> : null}
        actions={
          creating ? null : (
            <button type="button" ref={newButton} className="button button--primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              <span>{t('projects.newProject')}</span>
            </button>
          )
        }
      />

      {creating ? (
        <CreateProjectForm
          onCancel={closeCreate}
          onCreated={(project) => {
            closeCreate();
            showNotice(t('projects.create.done', { name: project.name }));
            projects.refresh();
          }}
        />
      ) : null}

      <Notice message={notice} />

      {showToolbar ? (
        <div className="toolbar">
          <div className="search">
            <label htmlFor={searchId} className="visually-hidden">
              {t('projects.searchLabel')}
            </label>
            <SearchIcon className="search__icon" />
            <input
              id={searchId}
              ref={searchInput}
              className="input search__input"
              type="search"
              placeholder={t('projects.searchPlaceholder')}
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setLimit(PAGE_SIZE);
              }}
            />
          </div>
          <p className="toolbar__meta" aria-live="polite">
            {projects.loading ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
            {projects.items.length < projects.total ? t('projects.showing', { shown: format.number(projects.items.length), total: format.number(projects.total) }) : null}
          </p>
        </div>
      ) : null}

      {projects.error ? (
        <ErrorAlert
          error={projects.error}
          title={t('projects.loadFailed')}
          action={
            <button type="button" className="button button--small" onClick={projects.refresh}>
              {t('projects.retry')}
            </button>
          }
        />
      ) : null}

      {!projects.loaded && projects.loading ? <LoadingState label={t('projects.loading')} /> : null}

      {nothingAtAll && search === '' && !creating && !projects.error ? (
        <EmptyState
          icon={<FolderIcon width={28} height={28} />}
          title={t('projects.empty.title')}
          body={t('projects.empty.body')}
          action={
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              <span>{t('projects.empty.action')}</span>
            </button>
          }
        />
      ) : null}

      {nothingMatches ? (
        <EmptyState
          icon={<SearchIcon width={28} height={28} />}
          title={t('projects.noMatch.title', { search: answeredSearch })}
          body={t('projects.noMatch.body')}
          action={
            <button
              type="button"
              className="button"
              onClick={() => {
                setSearch('');
                searchInput.current?.focus();
              }}
            >
              {t('projects.clearSearch')}
            </button>
          }
        />
      ) : null}

      {projects.items.length > 0 ? (
        <ProjectTable
          projects={projects.items}
          onRenamed={(project) => {
            showNotice(t('projects.rename.done', { name: project.name }));
            projects.refresh();
          }}
          onDelete={setDeleting}
        />
      ) : null}

      {projects.items.length < projects.total ? (
        <div className="list-footer">
          <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE_SIZE)} disabled={projects.loading}>
            {t('projects.showMore')}
          </button>
        </div>
      ) : null}

      {deleting ? (
        <DeleteProjectDialog
          project={deleting}
          onCancel={() => setDeleting(undefined)}
          onDeleted={(project) => {
            setDeleting(undefined);
            showNotice(t('projects.remove.done', { name: project.name }));
            projects.refresh();
            // After the dialog has closed: while it is modal, the page behind it cannot take focus.
            requestAnimationFrame(() => (searchInput.current ?? newButton.current)?.focus());
          }}
        />
      ) : null}
    </div>
  );
}
