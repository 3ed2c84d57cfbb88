import type { ReactNode } from 'react';
import type { Messages } from '../i18n/en.ts';
import { ArchiveIcon, BoltIcon, ClockIcon, DocumentIcon, FolderIcon, GlobeIcon, SettingsIcon, ShieldIcon } from '../components/icons.tsx';
import { PrivacyPage } from '../features/privacy/privacy-page.tsx';
import { GeneratePage } from '../features/generate/generate-page.tsx';
import { PublishPage } from '../features/publish/publish-page.tsx';
import { BackupsPage } from '../features/backups/backups-page.tsx';
import { SchedulePage } from '../features/schedule/schedule-page.tsx';
import { ProjectsPage } from '../features/projects/projects-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { SpecPage } from '../features/spec/spec-page.tsx';
import type { PageId } from './navigation.tsx';

export interface PageDefinition {
  id: PageId;
  label: keyof Messages['nav'];
  icon: ReactNode;
  render(): ReactNode;
  /** 'main' pages list in workflow order; 'footer' pages sit at the bottom of the sidebar. */
  placement: 'main' | 'footer';
}

/** The sidebar, in workflow order: describe, generate, publish; then keep safe and private. */
export const PAGES: readonly PageDefinition[] = [
  { id: 'projects', label: 'projects', icon: <FolderIcon />, render: () => <ProjectsPage />, placement: 'main' },
  { id: 'spec', label: 'spec', icon: <DocumentIcon />, render: () => <SpecPage />, placement: 'main' },
  { id: 'generate', label: 'generate', icon: <BoltIcon />, render: () => <GeneratePage />, placement: 'main' },
  { id: 'publish', label: 'publish', icon: <GlobeIcon />, render: () => <PublishPage />, placement: 'main' },
  { id: 'backups', label: 'backups', icon: <ArchiveIcon />, render: () => <BackupsPage />, placement: 'main' },
  { id: 'schedule', label: 'schedule', icon: <ClockIcon />, render: () => <SchedulePage />, placement: 'main' },
  { id: 'privacy', label: 'privacy', icon: <ShieldIcon />, render: () => <PrivacyPage />, placement: 'main' },
  { id: 'settings', label: 'settings', icon: <SettingsIcon />, render: () => <SettingsPage />, placement: 'footer' },
];
