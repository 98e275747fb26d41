/**
 * Progress of the demo generator for the command line, on stderr: a live bar on a terminal, one
 * line per phase otherwise (CI logs, pipes), so stdout stays free for the command's result.
 */
import cliProgress from 'cli-progress';
import type { DemoProgressListener } from './progress-tracker.ts';

/** An `onProgress` callback (also reachable as `.update`) that can be stopped. */
export interface CliProgress extends DemoProgressListener {
  readonly update: DemoProgressListener;
  /** Ends the bar (idempotent). */
  stop(): void;
}

function createBar(stream: NodeJS.WriteStream): { update: DemoProgressListener; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'demo data |{bar}| {percentage}% {phase} ({value}/{total}) {duration_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update(done, total, phase) {
      if (stopped) return;
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { phase });
      }
    },
    stop() {
      if (started && !stopped) bar.stop();
      stopped = true;
    },
  };
}

function createLines(stream: NodeJS.WritableStream): { update: DemoProgressListener; stop: () => void } {
  let lastPhase = '';
  let stopped = false;
  const began = Date.now();
  return {
    update(done, total, phase) {
      if (stopped || phase === lastPhase) return;
      lastPhase = phase;
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      stream.write(`demo data: ${phase} (${Math.floor((100 * done) / Math.max(1, total))}%, ${seconds} s)\n`);
    },
    stop() {
      stopped = true;
    },
  };
}

/** A progress reporter for `createDemoDatabase({ onProgress })`, writing to stderr. */
export function createCliProgress(stream: NodeJS.WriteStream = process.stderr): CliProgress {
  const impl = stream.isTTY === true ? createBar(stream) : createLines(stream);
  const report = ((done: number, total: number, phase: string) => impl.update(done, total, phase)) as CliProgress;
  return Object.assign(report, { update: report, stop: impl.stop });
}
