import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { directionOf, isLanguageCode, pickLanguage } from './languages.ts';

const STORAGE_KEY = 'dihya.language';

export interface I18nEnvironment {
  /** localStorage; undefined when the browser refuses storage. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  preferredLanguages: readonly string[];
  root: HTMLElement;
}

function applyToDocument(root: HTMLElement, language: string): void {
  if (!isLanguageCode(language)) return;
  root.lang = language;
  // dir on <html> mirrors the whole layout: the CSS only uses logical properties (inline-start/end).
  root.dir = directionOf(language);
}

/** Initialises i18next synchronously (resources are bundled) so the first paint is already translated. */
export function setupI18n(env: I18nEnvironment): i18n {
  let stored: string | null | undefined;
  try {
    stored = env.storage?.getItem(STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  const language = pickLanguage(stored, env.preferredLanguages);
  const instance = i18next.createInstance();
  instance.on('languageChanged', (next) => {
    applyToDocument(env.root, next);
    try {
      env.storage?.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembering the choice is acceptable; failing to switch is not.
    }
  });
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, ar: { translation: ar } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr', 'ar'],
    initAsync: false,
    // React escapes text itself; escaping here too would show &amp; in project names.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  applyToDocument(env.root, language);
  return instance;
}
