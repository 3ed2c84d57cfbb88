import { lazy, type ReactNode } from 'react';
import type { Messages } from '../i18n/en.ts';
import { ArchiveIcon, BoltIcon, ClockIcon, DocumentIcon, FolderIcon, GlobeIcon, SettingsIcon, ShieldIcon } from '../components/icons.tsx';
import { ProjectsPage } from '../features/projects/projects-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import type { PageId } from './navigation.tsx';

// Loaded when first opened: the editor (CodeMirror and its languages) and the cron wording
// (cronstrue's locales) would otherwise double what every start has to parse.
const SpecPage = lazy(() => import('../features/spec/spec-page.tsx').then((m) => ({ default: m.SpecPage })));
const GeneratePage = lazy(() => import('../features/generate/generate-page.tsx').then((m) => ({ default: m.GeneratePage })));
const PublishPage = lazy(() => import('../features/publish/publish-page.tsx').then((m) => ({ default: m.PublishPage })));
const BackupsPage = lazy(() => import('../features/backups/backups-page.tsx').then((m) => ({ default: m.BackupsPage })));
const SchedulePage = lazy(() => import('../features/schedule/schedule-page.tsx').then((m) => ({ default: m.SchedulePage })));
const PrivacyPage = lazy(() => import('../features/privacy/privacy-page.tsx').then((m) => ({ default: m.PrivacyPage })));

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
