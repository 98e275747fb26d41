/**
 * The preload with Electron's contextBridge and ipcRenderer injected: it exposes one frozen object,
 * `studioDesktop`, whose functions are exactly the contract's, each invoking its own channel with
 * the page's arguments, and menu commands that can be unsubscribed.
 */
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, type DesktopBridge } from '../../../src-shared/desktop-bridge.ts';

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve(args[0]);
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

describe('preload bridge', () => {
  it('exposes exactly the contract, frozen, one channel per function', async () => {
    await import('../../../src-main/preload.ts');
    expect([...exposed.keys()]).toEqual(['studioDesktop']);
    const bridge = exposed.get('studioDesktop') as DesktopBridge;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), 'onMenuCommand', 'platform'].sort());
    for (const [name, channel] of Object.entries(INVOKE_CHANNELS)) {
      const fn = bridge[name as keyof typeof INVOKE_CHANNELS] as (arg?: unknown) => Promise<unknown>;
      expect(await fn('argument')).toBe(channel);
    }
    expect(invoked.find((call) => call[0] === INVOKE_CHANNELS.saveFile)).toEqual([INVOKE_CHANNELS.saveFile, 'argument']);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|send|ipc/i);
  });

  it('delivers menu commands until unsubscribed', async () => {
    await import('../../../src-main/preload.ts');
    const bridge = exposed.get('studioDesktop') as DesktopBridge;
    const seen: string[] = [];
    const off = bridge.onMenuCommand((command) => seen.push(command));
    for (const listener of listeners.get(MENU_COMMAND_CHANNEL) ?? []) listener({}, 'toggle-theme');
    off();
    for (const listener of listeners.get(MENU_COMMAND_CHANNEL) ?? []) listener({}, 'open-screen:logs');
    expect(seen).toEqual(['toggle-theme']);
  });
});
