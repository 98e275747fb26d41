/**
 * Stage 6, audit: one entry per request, queued in memory and written in batches off the hot path
 * (one SQLite transaction per flush), with retention applied at start and hourly. Token last-used
 * times ride the same flush.
 */
import type { Logger } from 'pino';
import type { AuditEntry, AuditRepo } from '../store/audit-repo.ts';
import type { TokenDirectory } from './token-directory.ts';

/** Where entries go: the store's audit repository. */
export type AuditSink = Pick<AuditRepo, 'append' | 'prune'>;

export interface AuditWriter {
  record(entry: AuditEntry): void;
  /** Writes everything queued now (tests, shutdown). */
  flush(): void;
  close(): void;
}

const FLUSH_EVERY_MS = 1000;
const FLUSH_AT = 500;
const PRUNE_EVERY_MS = 3_600_000;
/** Beyond this many unwritten entries (store stuck), new ones are dropped and counted, not buffered forever. */
const MAX_QUEUE = 50_000;

export function createAuditWriter(
  sink: AuditSink,
  tokens: Pick<TokenDirectory, 'touch'>,
  retention: { maxDays: number; maxRows: number },
  logger: Logger,
): AuditWriter {
  let queue: AuditEntry[] = [];
  let dropped = 0;
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const usage = new Map<string, string>();
    for (const entry of batch) if (entry.tokenId !== null) usage.set(entry.tokenId, entry.time);
    try {
      sink.append(batch);
      if (usage.size > 0) tokens.touch(usage);
    } catch (error) {
      logger.error({ err: error, entries: batch.length }, 'could not write the audit log');
    }
    if (dropped > 0) {
      logger.warn({ dropped }, 'audit entries dropped while the store was not keeping up');
      dropped = 0;
    }
  }

  function prune(): void {
    try {
      const removed = sink.prune(retention);
      if (removed > 0) logger.info({ removed }, 'audit log retention applied');
    } catch (error) {
      logger.error({ err: error }, 'could not apply audit retention');
    }
  }

  const timer = setInterval(flush, FLUSH_EVERY_MS);
  timer.unref();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref();
  prune();

  return {
    record(entry) {
      if (queue.length >= MAX_QUEUE) {
        dropped++;
        return;
      }
      queue.push(entry);
      if (queue.length >= FLUSH_AT && !scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
    close() {
      clearInterval(timer);
      clearInterval(pruneTimer);
      flush();
    },
  };
}
