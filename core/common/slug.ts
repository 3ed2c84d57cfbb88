/**
 * Letters NFD does not take apart into a Latin base and marks, written the way people type them
 * in ASCII. Arabic is transliterated consonant by consonant (short vowels are not written), so
 * `مخبزة أمل` becomes `mkhbza-aml`: not pretty, but a name its owner recognises in a folder
 * list, where it used to become `project`, `project-2`…
 */
const TRANSLITERATION: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i',
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd',
  ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f',
  ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'w', ؤ: 'w', ي: 'y', ى: 'a', ئ: 'y',
  ء: '', ڤ: 'v', پ: 'p', چ: 'ch', گ: 'g', ڨ: 'g',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
};
const TRANSLITERABLE = new RegExp(`[${Object.keys(TRANSLITERATION).join('')}]`, 'gu');

/**
 * A file-system and URL safe name for a project: lower case ASCII words joined by dashes.
 * Latin letters lose their accents, Arabic is transliterated; scripts with no mapping here (CJK…)
 * fall back to `project`, and the repository adds a numeric suffix to keep slugs unique.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(TRANSLITERABLE, (letter) => TRANSLITERATION[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'project' : slug;
}

/** Case-insensitive key used to refuse two projects whose names only differ in case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('und');
}
