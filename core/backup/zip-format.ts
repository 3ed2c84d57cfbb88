// The record signatures and limits of the zip format (APPNOTE 6.3.x) that the writer produces
// and the reader expects: one list, so the two cannot drift apart.
export const LOCAL = 0x04034b50;
export const DESCRIPTOR = 0x08074b50;
export const CENTRAL = 0x02014b50;
export const ZIP64_EOCD = 0x06064b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const EOCD = 0x06054b50;
/** Sizes and offsets at or above this are stored in the zip64 extra field instead. */
export const MAX32 = 0xffffffff;
