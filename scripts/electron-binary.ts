/**
 * Where the Electron binary is, without `require('electron')` (which tries to download it when it
 * is missing, and fails on machines that cannot reach the download site).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export interface ElectronBinary {
  readonly path: string | null;
  /** Why there is none, in one sentence. */
  readonly reason: string | null;
}

export function findElectronBinary(): ElectronBinary {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const packageDir = path.join(root, 'node_modules/electron');
  if (!fs.existsSync(packageDir)) return { path: null, reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = path.join(packageDir, 'path.txt');
  if (override === undefined && !fs.existsSync(pathFile)) {
    return { path: null, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing; its download site is unreachable here)' };
  }
  const relative = override === undefined ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const binary = override === undefined ? path.join(packageDir, 'dist', relative) : path.join(override, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron');
  if (!fs.existsSync(binary)) return { path: null, reason: `the Electron binary ${binary} does not exist` };
  return { path: binary, reason: null };
}
