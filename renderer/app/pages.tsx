import type { ReactNode } from 'react';
import type { Messages } from '../i18n/en.ts';
import { FolderIcon, SettingsIcon } from '../components/icons.tsx';
import { ProjectsPage } from '../features/projects/projects-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';

export interface PageDefinition {
  id: string;
  label: keyof Messages['nav'];
  icon: ReactNode;
  render(): ReactNode;
  /** 'main' pages list in workflow order; 'footer' pages sit at the bottom of the sidebar. */
  placement: 'main' | 'footer';
}

/**
 * The sidebar, in order. Spec, Generate, Publish, Backups and Privacy join the 'main' group as
 * their features land; nothing else in the shell needs to change.
 */
export const PAGES = [
  { id: 'projects', label: 'projects', icon: <FolderIcon />, render: () => <ProjectsPage />, placement: 'main' },
  { id: 'settings', label: 'settings', icon: <SettingsIcon />, render: () => <SettingsPage />, placement: 'footer' },
] as const satisfies readonly PageDefinition[];

export type PageId = (typeof PAGES)[number]['id'];
