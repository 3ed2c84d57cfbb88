/**
 * A file-system and URL safe name for a project: lower case ASCII words joined by dashes.
 * Scripts without a Latin transliteration (Arabic, CJK) fall back to `project`, so the
 * repository adds a numeric suffix to keep slugs unique.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
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
