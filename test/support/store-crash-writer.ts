/**
 * Child process of the store crash test: opens the store in the given data directory and appends
 * audit batches of `size` rows forever, each batch one transaction. It reports on stdout when a batch
 * begins and when it is committed, so the test knows what must survive a SIGKILL.
 */
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';

const [dataDir = '', sizeText = '5000'] = process.argv.slice(2);
const size = Number(sizeText);
const store = openStore({ file: storeFile(dataDir), keyProvider: fileKeyProvider(dataDir) });
const start = Number(process.env.PAS_CRASH_FIRST_BATCH ?? '0');

for (let batch = start; ; batch++) {
  const entries = Array.from({ length: size }, (_, i) => ({
    time: new Date().toISOString(),
    tokenId: null,
    ip: '127.0.0.1',
    method: 'GET',
    path: `/api/v1/invoices/${i}`,
    status: 200,
    rows: i,
    durationMs: 1,
    requestId: `batch-${batch}-${i}`,
  }));
  process.stdout.write(`begin ${batch}\n`);
  store.audit.append(entries);
  store.settings.set('crash.lastBatch', batch);
  process.stdout.write(`committed ${batch}\n`);
}
