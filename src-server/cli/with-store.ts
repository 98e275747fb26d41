/** Opens the data directory's local store for one command and closes it afterwards, whatever happens. */
import { fileKeyProvider } from '../store/key-provider.ts';
import { openStore, storeFile, type Store } from '../store/open-store.ts';
import { resolveDataDir } from './data-dir.ts';

export async function withStore<T>(dataDirOption: string | undefined, work: (store: Store, dataDir: string) => Promise<T> | T): Promise<T> {
  const dataDir = resolveDataDir(dataDirOption);
  const store = openStore({ file: storeFile(dataDir), keyProvider: fileKeyProvider(dataDir) });
  try {
    return await work(store, dataDir);
  } finally {
    store.close();
  }
}
