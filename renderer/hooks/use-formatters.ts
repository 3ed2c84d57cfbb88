import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  date(iso: string): string;
  fullDate(iso: string): string;
  number(value: number): string;
}

/** Dates and numbers in the interface language's conventions (digits, order, calendar), via Intl. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const full = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'long' });
    const numbers = new Intl.NumberFormat(language);
    const format = (formatter: Intl.DateTimeFormat, iso: string): string => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
    };
    return { date: (iso) => format(short, iso), fullDate: (iso) => format(full, iso), number: (value) => numbers.format(value) };
  }, [language]);
}
