import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/api/index.ts';
import { ProjectRow, type ProjectRowProps } from './project-row.tsx';

export function ProjectTable(props: { projects: Project[] } & Omit<ProjectRowProps, 'project'>): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="table-card">
      <table className="table">
        <caption className="visually-hidden">{t('projects.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.columns.name')}</th>
            <th scope="col" className="column-slug">
              {t('projects.columns.slug')}
            </th>
            <th scope="col">{t('projects.columns.updated')}</th>
            <th scope="col" className="table__actions-heading">
              <span className="visually-hidden">{t('projects.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.projects.map((project) => (
            <ProjectRow key={project.id} project={project} onRenamed={props.onRenamed} onDelete={props.onDelete} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
