import type { ErrorCode } from '../../core/api/index.ts';
import type { Catalogue } from './catalogue.ts';
import { specEn } from './features/spec.ts';
import { privacyEn } from './features/privacy.ts';
import { generateEn } from './features/generate.ts';
import { publishEn } from './features/publish.ts';
import { notificationsEn } from './features/notifications.ts';
import { scheduleEn } from './features/schedule.ts';
import { backupsEn } from './features/backups.ts';

/**
 * The reference catalogue: `fr.ts` and `ar.ts` must have exactly these keys (their type is derived
 * from this object), so a missing translation is a compile error, not a blank label.
 * Plural forms are avoided on purpose: Arabic needs six of them and each would need its own key.
 */
export const en = {
  app: {
    name: 'Dihya',
    tagline: 'From specification to software',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    projects: 'Projects',
    spec: 'Specification',
    generate: 'Generate',
    publish: 'Publish',
    backups: 'Backups',
    schedule: 'Schedule',
    privacy: 'Privacy',
    settings: 'Settings',
  },
  transport: {
    ipc: 'Desktop app',
    http: 'Local server',
  },
  projects: {
    title: 'Projects',
    openSpec: { action: 'Spec', actionLabel: 'Edit the spec of “{{name}}”' },
    subtitle: 'Each project holds a specification and the software Dihya generates from it.',
    newProject: 'New project',
    searchLabel: 'Search projects',
    searchPlaceholder: 'Search by name…',
    clearSearch: 'Clear search',
    loading: 'Loading projects…',
    loadFailed: 'The projects could not be loaded.',
    retry: 'Try again',
    tableCaption: 'Your projects, most recently updated first',
    columns: { name: 'Name', slug: 'Identifier', updated: 'Last updated', actions: 'Actions' },
    showing: 'Showing {{shown}} of {{total}}',
    showMore: 'Show more',
    empty: {
      title: 'No projects yet',
      body: 'Create a project to describe the software you need. Dihya turns it into a working codebase, on this computer.',
      action: 'Create your first project',
    },
    noMatch: {
      title: 'Nothing matches “{{search}}”',
      body: 'Check the spelling or search for another name.',
    },
    create: {
      title: 'New project',
      name: 'Name',
      nameHint: 'Shown in lists; up to 120 characters.',
      description: 'Description',
      descriptionHint: 'Optional. A sentence about what the software is for.',
      submit: 'Create project',
      submitting: 'Creating…',
      cancel: 'Cancel',
      done: 'Project “{{name}}” created.',
    },
    rename: {
      action: 'Rename',
      actionLabel: 'Rename “{{name}}”',
      field: 'New name for “{{name}}”',
      save: 'Save',
      saving: 'Saving…',
      cancel: 'Cancel',
      done: 'Project renamed to “{{name}}”.',
    },
    remove: {
      action: 'Delete',
      actionLabel: 'Delete “{{name}}”',
      title: 'Delete “{{name}}”?',
      body: 'The project and its records will be removed from this computer. This cannot be undone.',
      confirm: 'Delete project',
      deleting: 'Deleting…',
      cancel: 'Keep project',
      done: 'Project “{{name}}” deleted.',
    },
  },
  spec: specEn,
  privacy: privacyEn,
  generate: generateEn,
  publish: publishEn,
  notifications: notificationsEn,
  schedule: scheduleEn,
  backups: backupsEn,
  settings: {
    title: 'Settings',
    subtitle: 'The language of the interface, and what this Dihya runs on.',
    language: {
      title: 'Language',
      label: 'Interface language',
      hint: 'Applies at once and is remembered on this computer.',
    },
    about: {
      title: 'About Dihya',
      loading: 'Reading…',
      loadFailed: 'Information about this Dihya could not be read.',
      version: 'Version',
      mode: 'Running as',
      transport: 'Connection',
      dataDir: 'Data folder',
      schemaVersion: 'Database schema',
      runtime: 'Runtime',
    },
    modes: {
      desktop: 'Desktop app',
      serve: 'Local server (dihya serve)',
      cli: 'Command line',
      test: 'Test',
    },
  },
  access: {
    missingTitle: 'Open Dihya with its private link',
    missingBody:
      'This page belongs to a Dihya server running on this computer. For your safety it only opens with the private link the server prints when it starts.',
    expiredTitle: 'This link is no longer valid',
    expiredBody: 'The Dihya server was restarted, or the link is incomplete. Each start prints a new private link.',
    stepsTitle: 'To continue',
    step1: 'In a terminal, run:',
    step2: 'Open the link it prints, which looks like:',
    step3: 'Keep the link to yourself: anyone who has it can use your Dihya while the server runs.',
  },
  // One summary per ErrorCode: a new code in core/common/app-error.ts fails to compile here until it is translated.
  errors: {
    VALIDATION_FAILED: 'Some information is not valid.',
    BAD_REQUEST: 'The request could not be understood.',
    UNKNOWN_COMMAND: 'This action is not available in this version of Dihya.',
    UNAUTHORIZED: 'Access was refused.',
    FORBIDDEN: 'This action is not allowed.',
    PAYLOAD_TOO_LARGE: 'What was sent is too large.',
    NOT_FOUND: 'It no longer exists.',
    CONFLICT: 'This conflicts with something that already exists.',
    STORE_READ_ONLY: 'The data folder is read-only.',
    STORE_CORRUPT: 'The database is damaged.',
    STORE_UNAVAILABLE: 'The database cannot be opened.',
    ADDRESS_IN_USE: 'The network port is already in use.',
    BACKUP_CORRUPT: 'The backup is damaged or unreadable.',
    BACKUP_UNSUPPORTED: 'This backup was made by a newer version of Dihya.',
    WRONG_PASSPHRASE: 'The passphrase is not correct.',
    PASSPHRASE_REQUIRED: 'A passphrase is needed.',
    DISK_FULL: 'There is not enough free space on the disk.',
    CONFIRMATION_REQUIRED: 'Your confirmation is needed before going on.',
    INTEGRITY_FAILED: 'The content failed its integrity check.',
    REMOTE_FAILED: 'A remote service did not answer as expected.',
    INTERNAL: 'Something went wrong.',
  } satisfies Record<ErrorCode, string>,
  common: {
    close: 'Close',
    project: 'Project',
    loading: 'Loading…',
    noProject: {
      title: 'No project yet',
      body: 'This page works on a project. Create one first.',
      action: 'Go to projects',
    },
    dismiss: 'Dismiss',
  },
} as const;

export type Messages = Catalogue<typeof en>;
