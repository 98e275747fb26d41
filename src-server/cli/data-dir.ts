/** The data directory: `--data-dir`, else `$XDG_CONFIG_HOME/perfex-api-studio` or `~/.config/perfex-api-studio`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function resolveDataDir(option: string | undefined): string {
  const dir =
    option !== undefined
      ? path.resolve(option)
      : path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'perfex-api-studio');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
