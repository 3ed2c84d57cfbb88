import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  date(iso: string): string;
  fullDate(iso: string): string;
  number(value: number): string;
  /** 0.9 → "90 %" (or "90%", "٩٠٪"): the language decides. */
  percent(ratio: number): string;
  /** A size in bytes, in the largest unit that keeps it ≥ 1 ("1.4 MB"). */
  bytes(count: number): string;
}

/** Dates and numbers in the interface language's conventions (digits, order, calendar), via Intl. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const full = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'long' });
    const numbers = new Intl.NumberFormat(language);
    const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
    const sizes = units.map((unit) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }));
    const bytes = (count: number): string => {
      let value = count;
      let index = 0;
      while (value >= 1000 && index < units.length - 1) {
        value /= 1000;
        index += 1;
      }
      return (sizes[index] ?? numbers).format(value);
    };
    const format = (formatter: Intl.DateTimeFormat, iso: string): string => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
    };
    return { date: (iso) => format(short, iso), fullDate: (iso) => format(full, iso), number: (value) => numbers.format(value), percent: (ratio) => percents.format(ratio), bytes };
  }, [language]);
}
