/**
 * Downloads an export through the admin client (so the Electron session header travels too, which a
 * plain link could not carry): the answer becomes a blob saved under the server's filename.
 */
import { adminRequest } from '../../api/admin-client.ts';

function filenameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/** Resolves with the saved file's name and size once the browser has the file. */
export async function downloadExport(path: string, fallbackName: string): Promise<{ name: string; bytes: number }> {
  const response = await adminRequest(path, { headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const name = filenameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, bytes: blob.size };
}
