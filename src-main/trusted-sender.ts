/**
 * Every IPC handler first checks who is asking (GitHub Desktop's trusted-ipc-sender): the main
 * window's own web contents, with its top frame on the Studio's origin. A page the window was somehow
 * navigated to, an iframe or another window gets nothing.
 */

export interface SenderFrameLike {
  readonly url: string;
  /** Top frame: its parent is null. */
  readonly parent: unknown;
}

export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrameLike | null;
}

export function isTrustedSender(event: IpcEventLike, trusted: { webContentsId: number | null; origin: string | null }): boolean {
  if (trusted.webContentsId === null || trusted.origin === null) return false;
  if (event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === trusted.origin;
  } catch {
    return false;
  }
}
