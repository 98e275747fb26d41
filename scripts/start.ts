/**
 * `npm start`: the desktop app where the Electron binary exists; elsewhere one line saying so, then
 * the same Studio served by the headless server in the browser (its URL printed), so the main job
 * always runs. Arguments after `--` go to `serve` (e.g. `npm start -- --port 4000`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.ts';
import { ensureStudio } from './ensure-studio.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const electron = findElectronBinary();

function run(command: string, commandArgs: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
if (electron.path !== null && process.env.PAS_BROWSER !== '1') {
  const built = await run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  if (built !== 0) process.exit(built);
  process.exit(await run(electron.path, ['.', ...args]));
} else {
  console.log(`Electron is not available here (${electron.reason ?? 'PAS_BROWSER=1'}): serving the Studio in the browser instead; open the "studio:" URL below.`);
  ensureStudio();
  process.exit(await run(process.execPath, [tsx, path.join(root, 'src-server/cli/main.ts'), 'serve', ...args]));
}
