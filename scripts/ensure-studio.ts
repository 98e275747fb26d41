/**
 * Builds the Studio's browser bundle (dist/studio) when it is missing or older than its sources, so
 * `npm start` and the tests always serve the current UI without rebuilding it every time.
 * Usage: `tsx scripts/ensure-studio.ts [--force]`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'dist/studio/index.html');
const SOURCES = ['src-renderer', 'src-shared', 'vite.studio.config.ts', 'package-lock.json'];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when dist/studio is missing or older than a source file. */
export function studioIsStale(): boolean {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return SOURCES.some((s) => fs.existsSync(path.join(root, s)) && newestMtime(path.join(root, s)) > built);
}

export function ensureStudio(force = false): boolean {
  if (!force && !studioIsStale()) return false;
  const started = Date.now();
  process.stderr.write('building the Studio (dist/studio)…\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.studio.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, and Vite builds React's development bundle for any NODE_ENV but production.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.stderr.write(`Studio built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureStudio(process.argv.includes('--force'));
