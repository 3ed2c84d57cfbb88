import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './app-url.ts';

export type SenderInfo = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Only the top frame of Dihya's own window, while it shows Dihya's own page, may call the core.
 * A sub-frame, another window, or a page that somehow navigated away is refused. `senderFrame`
 * is null when the frame has gone since the message was sent; that is refused too.
 */
export function isTrustedSender(event: SenderInfo, window: BrowserWindow | undefined, appUrl: string): boolean {
  if (!window || window.isDestroyed()) return false;
  if (event.sender.id !== window.webContents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}
