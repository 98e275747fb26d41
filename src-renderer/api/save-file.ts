/**
 * Saving a file from the Studio: the desktop app's native save dialog (through the preload bridge)
 * when there is one, a browser download otherwise. One function so every export behaves the same.
 */

export interface SavedFile {
  readonly name: string;
  readonly bytes: number;
  /** False when the user cancelled the desktop dialog. */
  readonly saved: boolean;
}

function browserDownload(name: string, blob: Blob): void {
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
}

export async function saveFile(name: string, blob: Blob, title = `Save ${name}`): Promise<SavedFile> {
  const desktop = window.studioDesktop;
  if (desktop !== undefined) {
    const extension = name.split('.').pop() ?? '';
    const result = await desktop.saveFile({ title, defaultName: name, content: await blob.text(), filters: extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }] });
    return { name: result.path ?? name, bytes: blob.size, saved: result.saved };
  }
  browserDownload(name, blob);
  return { name, bytes: blob.size, saved: true };
}
