/**
 * The Studio window: sandboxed renderer (contextIsolation, sandbox, no Node), the preload as its only
 * bridge, restored size and position, and navigation locked to the Studio's origin (other links open
 * in the system browser). The admin session is set as the HttpOnly cookie the Studio page expects
 * before loading it, so the token never appears in a URL or the history.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Cookies, Rectangle } from 'electron';
import { isExternalLink } from './ipc-handlers.ts';
import type { WindowState } from './window-state.ts';

export const ADMIN_COOKIE = 'pas_admin_session';

export function windowOptions(state: WindowState, preload: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    width: state.width,
    height: state.height,
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Perfex API Studio',
    backgroundColor: dark ? '#16181d' : '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

/** The state to save: the normal bounds even when maximised, so un-maximising restores them. */
export function stateOf(bounds: Rectangle, maximized: boolean): WindowState {
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized };
}

export async function loadStudio(window: BrowserWindow, cookies: Cookies, baseUrl: string, adminToken: string, openExternal: (url: string) => void): Promise<void> {
  const origin = new URL(baseUrl).origin;
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin === origin) return;
    event.preventDefault();
    if (isExternalLink(url)) openExternal(url);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // /api_docs and other links leave the app for the system browser; nothing opens a second app window.
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  await cookies.set({ url: baseUrl, name: ADMIN_COOKIE, value: adminToken, httpOnly: true, sameSite: 'strict', path: '/' });
  await window.loadURL(`${baseUrl}/`);
}
