/** The app's version, from package.json (shown by the Studio and `--version`). */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Looks upwards from this module: the same code runs from `src-server/server/` under tsx, from a
 * bundle chunk in `out/main/chunks/`, and from a packaged app's asar archive.
 */
function readVersion(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'perfex-api-studio' && pkg.version !== undefined) return pkg.version;
    } catch {
      // not here: look one level up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();
