/**
 * The one IPC contract between the desktop app's main process (src-main) and the Studio page: each
 * invoke channel maps to one function type, the preload exposes exactly these named functions through
 * `contextBridge` (never a generic `invoke(channel, …)`), and the main process registers one handler per
 * channel behind a sender check. The page works without it in a plain browser (`window.studioDesktop`
 * is then undefined and it falls back to downloads, `<input type=file>` and links).
 */

export interface SaveFileRequest {
  readonly title: string;
  readonly defaultName: string;
  readonly content: string;
  readonly filters?: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

export interface SaveFileResult {
  readonly saved: boolean;
  readonly path?: string;
}

export interface OpenTextFileRequest {
  readonly title: string;
  readonly filters?: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

export interface OpenedTextFile {
  readonly name: string;
  readonly text: string;
}

export interface KeychainStatus {
  /** Stored secrets are sealed with a key the OS keychain protects (else a 0600 key file). */
  readonly available: boolean;
  readonly backend: string;
}

/** Commands the native menu sends to the page (things only the page can do). */
export type MenuCommand = 'toggle-theme' | 'open-screen:explorer' | 'open-screen:whitelist' | 'open-screen:connections' | 'open-screen:tokens' | 'open-screen:logs' | 'open-screen:export';

/** Invoke channels: name → [channel, function type]. */
export interface DesktopInvokes {
  adminSessionToken(): Promise<string>;
  appVersion(): Promise<string>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openTextFile(request: OpenTextFileRequest): Promise<OpenedTextFile | null>;
  openExternal(url: string): Promise<void>;
  keychain(): Promise<KeychainStatus>;
}

export const INVOKE_CHANNELS: { readonly [K in keyof DesktopInvokes]: `pas:${string}` } = {
  adminSessionToken: 'pas:admin-session-token',
  appVersion: 'pas:app-version',
  saveFile: 'pas:save-file',
  openTextFile: 'pas:open-text-file',
  openExternal: 'pas:open-external',
  keychain: 'pas:keychain',
};

/** Main → page events. */
export const MENU_COMMAND_CHANNEL = 'pas:menu-command';

/** What `window.studioDesktop` is in the desktop app. */
export interface DesktopBridge extends DesktopInvokes {
  readonly platform: string;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
