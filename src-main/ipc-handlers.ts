/**
 * The main process's side of the IPC contract (src-shared/desktop-bridge.ts): one handler per
 * channel, each behind the sender check, each validating its arguments (the page is trusted, but a
 * compromised page must not turn a handler into arbitrary file or URL access).
 */
import path from 'node:path';
import fs from 'node:fs/promises';
import { INVOKE_CHANNELS, type DesktopInvokes, type KeychainStatus, type OpenTextFileRequest, type SaveFileRequest } from '../src-shared/desktop-bridge.ts';
import { isTrustedSender, type IpcEventLike } from './trusted-sender.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

export interface DialogLike {
  showSaveDialog(options: { title: string; defaultPath: string; filters?: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; properties: string[]; filters?: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface IpcDeps {
  readonly ipcMain: IpcMainLike;
  readonly dialog: DialogLike;
  readonly openExternal: (url: string) => Promise<void>;
  readonly appVersion: string;
  readonly downloadsDir: string;
  readonly keychain: KeychainStatus;
  /** Read at each call: the window and the engine can be replaced. */
  readonly trusted: () => { webContentsId: number | null; origin: string | null };
  readonly adminSessionToken: () => string | null;
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`refused ${channel}: the sender is not the Studio window`);
    this.name = 'UntrustedSenderError';
  }
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

function filtersOf(request: { filters?: SaveFileRequest['filters'] }): { name: string; extensions: string[] }[] | undefined {
  return request.filters?.map((f) => ({ name: String(f.name), extensions: f.extensions.map(String) }));
}

function isSaveRequest(value: unknown): value is SaveFileRequest {
  const v = value as Partial<SaveFileRequest> | null;
  return typeof v?.title === 'string' && typeof v.defaultName === 'string' && typeof v.content === 'string';
}

/** Only web links leave the app: no file:, javascript: or custom schemes. */
export function isExternalLink(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

export function registerIpcHandlers(deps: IpcDeps): void {
  const handlers: { [K in keyof DesktopInvokes]: (...args: unknown[]) => ReturnType<DesktopInvokes[K]> } = {
    async adminSessionToken() {
      const token = deps.adminSessionToken();
      if (token === null) throw new Error('the engine is not running');
      return token;
    },
    async appVersion() {
      return deps.appVersion;
    },
    async saveFile(request) {
      if (!isSaveRequest(request)) throw new TypeError('saveFile needs { title, defaultName, content }');
      if (Buffer.byteLength(request.content) > MAX_FILE_BYTES) throw new RangeError('file too large');
      const filters = filtersOf(request);
      const result = await deps.dialog.showSaveDialog({ title: request.title, defaultPath: path.join(deps.downloadsDir, path.basename(request.defaultName)), ...(filters === undefined ? {} : { filters }) });
      if (result.canceled || result.filePath === undefined) return { saved: false };
      await fs.writeFile(result.filePath, request.content);
      return { saved: true, path: result.filePath };
    },
    async openTextFile(request) {
      const r = request as Partial<OpenTextFileRequest> | null;
      if (typeof r?.title !== 'string') throw new TypeError('openTextFile needs { title }');
      const filters = filtersOf(r as { filters?: SaveFileRequest['filters'] });
      const result = await deps.dialog.showOpenDialog({ title: r.title, properties: ['openFile'], ...(filters === undefined ? {} : { filters }) });
      const file = result.filePaths[0];
      if (result.canceled || file === undefined) return null;
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) throw new RangeError(`${path.basename(file)} is larger than 20 MB`);
      return { name: path.basename(file), text: await fs.readFile(file, 'utf8') };
    },
    async openExternal(url) {
      if (!isExternalLink(url)) throw new TypeError('only http and https links open outside the app');
      await deps.openExternal(url);
    },
    async keychain() {
      return deps.keychain;
    },
  };
  for (const [name, channel] of Object.entries(INVOKE_CHANNELS) as [keyof DesktopInvokes, string][]) {
    const handler = handlers[name];
    deps.ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event, deps.trusted())) throw new UntrustedSenderError(channel);
      return handler(...args);
    });
  }
}
