/** Offers `content` as a file download (a Blob URL; CSP allows it, nothing leaves the machine). */
export function downloadText(fileName: string, content: string, type = 'text/plain'): void {
  downloadBlob(fileName, new Blob([content], { type: `${type};charset=utf-8` }));
}

/** Offers bytes already in the page (e.g. fetched from the node) as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Copies text; false when the browser refuses (no clipboard permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
