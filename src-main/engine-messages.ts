/**
 * The messages between the main process and the engine's utility process. The store key travels in
 * the start message (never argv or env, which other processes can read); the admin session token comes
 * back in `ready` and stays in the main process and the preload.
 */

export interface StartEngine {
  readonly type: 'start';
  readonly dataDir: string;
  /** The store key (base64), unsealed by the main process with safeStorage; null = the 0600 key file. */
  readonly storeKey: string | null;
  readonly studioDir: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly lan: boolean;
}

export interface StopEngine {
  readonly type: 'stop';
  readonly graceMs: number;
}

export type ToEngine = StartEngine | StopEngine;

export interface EngineReady {
  readonly type: 'ready';
  readonly baseUrl: string;
  readonly port: number;
  readonly adminToken: string;
  readonly connection: string;
  readonly demo: boolean;
}

export interface EngineFailed {
  readonly type: 'failed';
  readonly message: string;
}

export interface EngineStopped {
  readonly type: 'stopped';
}

export type FromEngine = EngineReady | EngineFailed | EngineStopped;

export function isFromEngine(value: unknown): value is FromEngine {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'failed' || type === 'stopped';
}
