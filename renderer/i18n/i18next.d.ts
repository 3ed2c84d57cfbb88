import type { Messages } from './en.ts';

// Typed keys: t('projects.tittle') is a compile error instead of a label showing its key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
