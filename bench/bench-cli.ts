/**
 * The bench scenarios drive the real `perfex-api-studio` CLI: one way to run a command, to start
 * `serve` on a bench data directory (with a token and the per-IP throttle raised, since all load comes
 * from one address), and to read the server's resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

/** `node --import tsx` (not the tsx wrapper), so the child's pid is the server's own for RSS sampling. */
export function cli(argv: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src-server/cli/main.ts', ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Runs a CLI command to completion and returns its standard output. */
export async function runCli(argv: readonly string[]): Promise<string> {
  const child = cli(argv);
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => (out += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`perfex-api-studio ${argv.join(' ')} exited with ${code}: ${out}`);
  return out;
}

/** Raises the per-IP throttle in `dataDir` and returns a new read-all token with a rate limit out of the way. */
export async function benchToken(dataDir: string, name: string, extra: readonly string[] = []): Promise<string> {
  await runCli(['security', 'set', 'ipRequestsPerMinute=100000000', '--data-dir', dataDir]);
  const json = await runCli([
    'token',
    'create',
    '--name',
    name,
    '--read',
    '*',
    '--rate-limit',
    '1000000',
    '--json',
    '--data-dir',
    dataDir,
    ...extra,
  ]);
  return (JSON.parse(json) as { token: string }).token;
}

/** Starts `serve` over `dbUrl` with `whitelist` (written to the data dir) and resolves once it listens. */
export async function startServe(
  dbUrl: string,
  dataDir: string,
  port: number,
  whitelist: unknown,
): Promise<ChildProcess> {
  const file = path.join(dataDir, 'bench-whitelist.json');
  fs.writeFileSync(file, JSON.stringify(whitelist));
  const child = cli([
    'serve',
    '--db',
    dbUrl,
    '--port',
    String(port),
    '--whitelist',
    file,
    '--data-dir',
    dataDir,
    '--no-demo-token',
  ]);
  let out = '';
  child.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      if (/listening on/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return child;
}

/** Resident memory of a process in bytes, from /proc. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}
