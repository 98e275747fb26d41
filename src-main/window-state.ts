/**
 * The window's size and position, restored at the next launch: saved as JSON in the app data
 * directory, and only restored where it is still visible (a monitor unplugged since must not leave
 * the window off-screen). The display list is injected (Electron's `screen`), so this is testable.
 */
import fs from 'node:fs';

export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState extends WindowBounds {
  readonly maximized: boolean;
}

export interface DisplayArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };
const MIN = { width: 900, height: 600 };

function parse(text: string): WindowState | null {
  try {
    const value = JSON.parse(text) as Partial<WindowState>;
    const numbers = [value.width, value.height].every((n) => typeof n === 'number' && Number.isFinite(n));
    if (!numbers) return null;
    const hasPosition = typeof value.x === 'number' && typeof value.y === 'number';
    return {
      width: value.width as number,
      height: value.height as number,
      ...(hasPosition ? { x: value.x as number, y: value.y as number } : {}),
      maximized: value.maximized === true,
    };
  } catch {
    return null;
  }
}

/** At least 100×50 px of the title bar area on one display. */
function visibleOn(bounds: Required<WindowBounds>, displays: readonly DisplayArea[]): boolean {
  return displays.some((d) => {
    const overlapX = Math.min(bounds.x + bounds.width, d.x + d.width) - Math.max(bounds.x, d.x);
    const overlapY = Math.min(bounds.y + 50, d.y + d.height) - Math.max(bounds.y, d.y);
    return overlapX >= 100 && overlapY >= 50;
  });
}

/** The saved state, fitted to today's displays; the default when nothing usable is saved. */
export function restoreWindowState(file: string, displays: readonly DisplayArea[]): WindowState {
  let saved: WindowState | null;
  try {
    saved = parse(fs.readFileSync(file, 'utf8'));
  } catch {
    saved = null;
  }
  if (saved === null) return DEFAULT_STATE;
  const largest = displays.reduce((a, d) => (d.width * d.height > a.width * a.height ? d : a), displays[0] ?? { x: 0, y: 0, width: 1280, height: 800 });
  const width = Math.max(MIN.width, Math.min(saved.width, largest.width));
  const height = Math.max(MIN.height, Math.min(saved.height, largest.height));
  if (saved.x !== undefined && saved.y !== undefined && visibleOn({ x: saved.x, y: saved.y, width, height }, displays)) {
    return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
  }
  // Off-screen now: keep the size, let the OS centre it.
  return { width, height, maximized: saved.maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}
