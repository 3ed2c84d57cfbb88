import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguageCode, type LanguageCode } from './languages.ts';

export function useLanguage(): { language: LanguageCode; languages: typeof LANGUAGES; setLanguage(code: LanguageCode): void } {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const setLanguage = useCallback((code: LanguageCode) => void i18n.changeLanguage(code), [i18n]);
  return { language: isLanguageCode(current) ? current : DEFAULT_LANGUAGE, languages: LANGUAGES, setLanguage };
}
