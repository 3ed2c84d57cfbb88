import type { LanguageContext } from './context-types.ts';

const NATIVE_NAMES: Record<string, string> = {
  ar: 'العربية', de: 'Deutsch', en: 'English', es: 'Español', fa: 'فارسی', fr: 'Français', he: 'עברית', it: 'Italiano',
  ja: '日本語', ko: '한국어', nl: 'Nederlands', pl: 'Polski', pt: 'Português', ru: 'Русский', tr: 'Türkçe', ur: 'اردو',
  zh: '中文', kab: 'Taqbaylit', ber: 'Tamaziɣt', zgh: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', sv: 'Svenska', da: 'Dansk', no: 'Norsk', fi: 'Suomi',
  el: 'Ελληνικά', ro: 'Română', uk: 'Українська', hi: 'हिन्दी', id: 'Bahasa Indonesia', vi: 'Tiếng Việt', ca: 'Català',
};
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

export function languageContexts(codes: readonly string[]): LanguageContext[] {
  return codes.map((code, i) => ({
    code,
    name: NATIVE_NAMES[code] ?? code.toUpperCase(),
    dir: RTL.has(code) ? 'rtl' : 'ltr',
    rtl: RTL.has(code),
    isDefault: i === 0,
  }));
}
