/** The window comes back where it was, unless that place is gone (monitor unplugged) or the file is garbage. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, restoreWindowState, saveWindowState } from '../../../src-main/window-state.ts';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1440 };
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-window-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('starts at 1280×800 with no saved state, or an unreadable one', () => {
    expect(restoreWindowState(file, [laptop])).toEqual(DEFAULT_STATE);
    fs.writeFileSync(file, '{not json');
    expect(restoreWindowState(file, [laptop])).toEqual(DEFAULT_STATE);
    fs.writeFileSync(file, JSON.stringify({ width: 'wide' }));
    expect(restoreWindowState(file, [laptop])).toEqual(DEFAULT_STATE);
  });

  it('restores size, position and maximised state saved on a visible display', () => {
    saveWindowState(file, { x: 2100, y: 120, width: 1600, height: 1000, maximized: true });
    expect(restoreWindowState(file, [laptop, rightMonitor])).toEqual({ x: 2100, y: 120, width: 1600, height: 1000, maximized: true });
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it('drops the position when its display is gone, keeping the size', () => {
    saveWindowState(file, { x: 2100, y: 120, width: 1600, height: 1000, maximized: false });
    expect(restoreWindowState(file, [laptop])).toEqual({ width: 1600, height: 1000, maximized: false });
  });

  it('fits an oversized window to the largest display and never below the minimum', () => {
    saveWindowState(file, { x: 10, y: 10, width: 5000, height: 300, maximized: false });
    const state = restoreWindowState(file, [laptop]);
    expect(state.width).toBe(1920);
    expect(state.height).toBe(600);
  });
});
