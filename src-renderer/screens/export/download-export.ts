/**
 * Downloads an export through the admin client (so the Electron session header travels too, which a
 * plain link could not carry): the answer is saved under the server's filename, with the desktop
 * app's native dialog where there is one.
 */
import { adminRequest } from '../../api/admin-client.ts';
import { saveFile } from '../../api/save-file.ts';

function filenameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/** Resolves with the saved file's name and size once the browser has the file. */
export async function downloadExport(path: string, fallbackName: string): Promise<{ name: string; bytes: number }> {
  const response = await adminRequest(path, { headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const name = filenameOf(response.headers.get('Content-Disposition'), fallbackName);
  await saveFile(name, blob);
  return { name, bytes: blob.size };
}
