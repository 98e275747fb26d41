/** Preload (placeholder): exposes nothing yet; the typed IPC contract comes with the desktop shell. */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('perfexApiStudio', Object.freeze({ shell: 'electron' }));
