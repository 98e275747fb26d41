/**
 * Starts the engine in its own process and talks to it (engine-messages.ts). `fork` is Electron's
 * `utilityProcess.fork` in the app, `child_process.fork` in tests: both give a process we can post
 * messages to and hear from, so this module never imports electron.
 */
import { isFromEngine, type EngineReady, type StartEngine, type ToEngine } from './engine-messages.ts';

/** The part of a forked process this module uses (UtilityProcess and ChildProcess both fit through `adaptChild`). */
export interface EngineChild {
  postMessage(message: ToEngine): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface EngineHandle {
  readonly ready: EngineReady;
  /** Asks the engine to finish in-flight requests and close; resolves when it has exited (or was killed after `graceMs` + 2 s). */
  stop(graceMs?: number): Promise<void>;
  /** Called if the engine exits without being asked (a crash). */
  onCrash(listener: (code: number | null) => void): void;
}

export class EngineStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStartError';
  }
}

export function startEngine(child: EngineChild, start: Omit<StartEngine, 'type'>, timeoutMs = 60_000): Promise<EngineHandle> {
  let exited = false;
  let stopping = false;
  const crashListeners: ((code: number | null) => void)[] = [];
  const exitWaiters: (() => void)[] = [];
  return new Promise<EngineHandle>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new EngineStartError(`the engine did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.onExit((code) => {
      exited = true;
      clearTimeout(timer);
      for (const waiter of exitWaiters) waiter();
      if (!stopping) {
        reject(new EngineStartError(`the engine exited during start-up (code ${code})`));
        for (const listener of crashListeners) listener(code);
      }
    });
    child.onMessage((message) => {
      if (!isFromEngine(message)) return;
      if (message.type === 'failed') {
        clearTimeout(timer);
        stopping = true;
        child.kill();
        reject(new EngineStartError(message.message));
      } else if (message.type === 'ready') {
        clearTimeout(timer);
        resolve({
          ready: message,
          onCrash: (listener) => crashListeners.push(listener),
          stop(graceMs = 10_000) {
            if (exited) return Promise.resolve();
            stopping = true;
            return new Promise<void>((done) => {
              exitWaiters.push(done);
              const kill = setTimeout(() => child.kill(), graceMs + 2_000);
              exitWaiters.push(() => clearTimeout(kill));
              child.postMessage({ type: 'stop', graceMs });
            });
          },
        });
      }
    });
    child.postMessage({ type: 'start', ...start });
  });
}
