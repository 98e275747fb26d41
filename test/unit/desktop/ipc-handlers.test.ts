/**
 * The main process's IPC handlers with the Electron API injected: one handler per contract channel,
 * every one behind the sender check, dialogs writing and reading real files, links limited to the web.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src-shared/desktop-bridge.ts';
import { isExternalLink, registerIpcHandlers, UntrustedSenderError, type IpcDeps } from '../../../src-main/ipc-handlers.ts';
import type { IpcEventLike } from '../../../src-main/trusted-sender.ts';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

const ORIGIN = 'http://127.0.0.1:4780';
const good: IpcEventLike = { sender: { id: 1 }, senderFrame: { url: `${ORIGIN}/`, parent: null } };
const evil: IpcEventLike = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };

let dir: string;
let handlers: Map<string, Listener>;
let dialogCalls: string[];
let opened: string[];
let nextSavePath: string | undefined;
let nextOpenPath: string | undefined;

function register(overrides: Partial<IpcDeps> = {}): void {
  registerIpcHandlers({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) },
    dialog: {
      showSaveDialog: async (o) => {
        dialogCalls.push(`save:${o.title}:${path.basename(o.defaultPath)}`);
        return nextSavePath === undefined ? { canceled: true } : { canceled: false, filePath: nextSavePath };
      },
      showOpenDialog: async (o) => {
        dialogCalls.push(`open:${o.title}`);
        return nextOpenPath === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [nextOpenPath] };
      },
    },
    openExternal: async (url) => {
      opened.push(url);
    },
    appVersion: '1.2.3',
    downloadsDir: dir,
    keychain: { available: true, backend: 'Keychain' },
    trusted: () => ({ webContentsId: 1, origin: ORIGIN }),
    adminSessionToken: () => 'session-token',
    ...overrides,
  });
}

function call(channel: string, event: IpcEventLike, ...args: unknown[]): Promise<unknown> {
  const listener = handlers.get(channel);
  if (listener === undefined) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => listener(event, ...args));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-ipc-'));
  handlers = new Map();
  dialogCalls = [];
  opened = [];
  nextSavePath = undefined;
  nextOpenPath = undefined;
  register();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('IPC handlers', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('refuses every channel to an untrusted sender before doing anything', async () => {
    nextSavePath = path.join(dir, 'x.json');
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      await expect(call(channel, evil, { title: 't', defaultName: 'x.json', content: '{}' })).rejects.toBeInstanceOf(UntrustedSenderError);
    }
    expect(dialogCalls).toEqual([]);
    expect(opened).toEqual([]);
    expect(fs.existsSync(nextSavePath)).toBe(false);
  });

  it('gives the session token, version and keychain state to the Studio', async () => {
    expect(await call(INVOKE_CHANNELS.adminSessionToken, good)).toBe('session-token');
    expect(await call(INVOKE_CHANNELS.appVersion, good)).toBe('1.2.3');
    expect(await call(INVOKE_CHANNELS.keychain, good)).toEqual({ available: true, backend: 'Keychain' });
  });

  it('saves a file where the user chose, proposing the name in the downloads folder', async () => {
    nextSavePath = path.join(dir, 'chosen.postman_collection.json');
    const result = await call(INVOKE_CHANNELS.saveFile, good, { title: 'Export Postman', defaultName: '../../etc/passwd', content: '{"info":{}}' });
    expect(result).toEqual({ saved: true, path: nextSavePath });
    expect(fs.readFileSync(nextSavePath, 'utf8')).toBe('{"info":{}}');
    // The proposed name is reduced to a base name: the page cannot steer the dialog elsewhere.
    expect(dialogCalls).toEqual(['save:Export Postman:passwd']);
    nextSavePath = undefined;
    expect(await call(INVOKE_CHANNELS.saveFile, good, { title: 'Export', defaultName: 'a.json', content: '' })).toEqual({ saved: false });
    await expect(call(INVOKE_CHANNELS.saveFile, good, { title: 'no content' })).rejects.toThrow(TypeError);
  });

  it('reads a text file the user picked, or nothing when cancelled', async () => {
    nextOpenPath = path.join(dir, 'whitelist.json');
    fs.writeFileSync(nextOpenPath, '{"expose":"core"}');
    expect(await call(INVOKE_CHANNELS.openTextFile, good, { title: 'Import whitelist' })).toEqual({ name: 'whitelist.json', text: '{"expose":"core"}' });
    nextOpenPath = undefined;
    expect(await call(INVOKE_CHANNELS.openTextFile, good, { title: 'Import whitelist' })).toBeNull();
  });

  it('opens only web links outside the app', async () => {
    await call(INVOKE_CHANNELS.openExternal, good, 'https://example.com/docs');
    expect(opened).toEqual(['https://example.com/docs']);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 42]) {
      await expect(call(INVOKE_CHANNELS.openExternal, good, url)).rejects.toThrow(TypeError);
    }
    expect(opened).toHaveLength(1);
    expect(isExternalLink('http://127.0.0.1:4780/api_docs')).toBe(true);
  });

  it('says when the engine is not running instead of handing out nothing', async () => {
    handlers = new Map();
    register({ adminSessionToken: () => null });
    await expect(call(INVOKE_CHANNELS.adminSessionToken, good)).rejects.toThrow(/not running/);
  });
});
