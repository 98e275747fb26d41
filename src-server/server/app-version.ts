/** The app's version, from package.json (shown by the Studio and `--version`). */
import fs from 'node:fs';
import path from 'node:path';

function readVersion(): string {
  try {
    const file = path.resolve(import.meta.dirname, '../../package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const APP_VERSION = readVersion();
