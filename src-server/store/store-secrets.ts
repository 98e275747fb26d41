/**
 * Sealing and opening the store's secrets with the key from the `KeyProvider`, fetched on first use.
 * The first use also checks the key against a value sealed when the store first saw a key: a store
 * opened with another key (the CLI's key file on a store the desktop app keyed from the OS keychain,
 * or a deleted key file) fails with a sentence naming both key sources, not "tampered secret".
 */
import type Database from 'better-sqlite3';
import type { KeyProvider } from './key-provider.ts';
import { open, seal } from './secret-box.ts';
import { StoreKeyError } from './store-errors.ts';

const CHECK_TEXT = 'perfex-api-studio store key';
const CHECK_CONTEXT = 'key_check';

export interface StoreSecrets {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

/** How many values are sealed with the current key (connections, HMAC secrets). */
function sealedCount(db: Database.Database): number {
  const row = db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM connections) + (SELECT COUNT(*) FROM tokens WHERE sealed_hmac IS NOT NULL) AS n',
    )
    .get() as { n: number };
  return row.n;
}

export function createStoreSecrets(db: Database.Database, keyProvider: KeyProvider): StoreSecrets {
  let key: Buffer | undefined;

  function checkedKey(): Buffer {
    if (key !== undefined) return key;
    const candidate = keyProvider.getKey();
    const row = db.prepare('SELECT source, sealed FROM key_check WHERE id = 1').get() as
      { source: string; sealed: string } | undefined;
    if (row === undefined) {
      db.prepare('INSERT OR IGNORE INTO key_check (id, source, sealed) VALUES (1, ?, ?)').run(
        keyProvider.description,
        seal(candidate, CHECK_TEXT, CHECK_CONTEXT),
      );
    } else {
      let text: string | undefined;
      try {
        text = open(candidate, row.sealed, CHECK_CONTEXT);
      } catch {
        text = undefined;
      }
      if (text !== CHECK_TEXT && sealedCount(db) === 0) {
        // Nothing is sealed with the old key any more: adopt the new one rather than stay stuck.
        db.prepare('UPDATE key_check SET source = ?, sealed = ? WHERE id = 1').run(
          keyProvider.description,
          seal(candidate, CHECK_TEXT, CHECK_CONTEXT),
        );
      } else if (text !== CHECK_TEXT) {
        throw new StoreKeyError(
          `the store key from ${keyProvider.description} is not the key this store's secrets were sealed with ` +
            `(${row.source}); use that key, or remove the stored connections and the HMAC secrets of tokens (revoke or update them) and try again`,
        );
      }
    }
    key = candidate;
    return key;
  }

  return {
    seal: (plain, context) => seal(checkedKey(), plain, context),
    open: (sealed, context) => open(checkedKey(), sealed, context),
  };
}
