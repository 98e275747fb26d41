/**
 * The desktop app's main process: a list of setup steps (Electron Fiddle's main.ts). The engine runs
 * in a utilityProcess so a slow query can never freeze the window; the window opens on the Studio once
 * the engine is ready. Everything here is wiring: the logic lives in the modules it calls, which take
 * the Electron APIs as arguments and are tested without the binary (test/unit/desktop/).
 */
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, safeStorage, screen, shell, Tray, utilityProcess } from 'electron';
import engineEntry from './engine-entry.ts?modulePath';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../src-shared/desktop-bridge.ts';
import { buildMenuTemplate } from './app-menu.ts';
import { createDesktopAdmin, type DesktopAdmin } from './desktop-admin.ts';
import { startEngine, type EngineChild, type EngineHandle } from './engine-process.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { loadStudio, stateOf, windowOptions } from './main-window.ts';
import { desktopStoreKey } from './store-key.ts';
import { buildTrayTemplate, trayTooltip, type TrayStatus } from './tray-menu.ts';
import { restoreWindowState, saveWindowState } from './window-state.ts';

const DOCS_URL = 'https://github.com/perfex-api-studio/perfex-api-studio#readme';

let window: BrowserWindow | null = null;
let engine: EngineHandle | null = null;
let admin: DesktopAdmin | null = null;
let tray: Tray | null = null;
let quitting = false;

function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}

function forkEngine(): EngineChild {
  const child = utilityProcess.fork(engineEntry, [], { serviceName: 'Perfex API Studio engine', stdio: 'inherit' });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

async function setupEngine(dataDir: string, storeKey: string | null): Promise<EngineHandle> {
  const handle = await startEngine(forkEngine(), { dataDir, storeKey, studioDir: path.join(import.meta.dirname, '../renderer'), port: 0, lan: false });
  handle.onCrash((code) => {
    if (quitting) return;
    dialog.showErrorBox('The API engine stopped', `The engine process exited (code ${code}). Perfex API Studio will close; your settings are saved.`);
    app.exit(1);
  });
  return handle;
}

function sendToPage(command: MenuCommand): void {
  window?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

async function saveExport(title: string, name: string, apiPath: string): Promise<void> {
  if (admin === null || window === null) return;
  try {
    const content = await admin.text(apiPath);
    const result = await dialog.showSaveDialog(window, { title, defaultPath: path.join(app.getPath('downloads'), name) });
    if (!result.canceled && result.filePath !== undefined) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(result.filePath, content);
    }
  } catch (error) {
    dialog.showErrorBox(title, (error as Error).message);
  }
}

async function importWhitelist(): Promise<void> {
  if (admin === null || window === null) return;
  const result = await dialog.showOpenDialog(window, { title: 'Import whitelist', properties: ['openFile'], filters: [{ name: 'Whitelist JSON', extensions: ['json'] }] });
  const file = result.filePaths[0];
  if (result.canceled || file === undefined) return;
  try {
    const { readFile } = await import('node:fs/promises');
    await admin.json('/whitelist/import', { method: 'POST', body: await readFile(file, 'utf8') });
    window.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Import whitelist', (error as Error).message);
  }
}

function setupMenu(baseUrl: string): void {
  const template = buildMenuTemplate(
    {
      exportPostman: () => void saveExport('Export Postman collection', 'perfex-api.postman_collection.json', '/exports/postman'),
      exportOpenApi: (version) => void saveExport(`Export OpenAPI ${version}`, `perfex-api.openapi-${version}.json`, `/exports/openapi?version=${version}`),
      importWhitelist: () => void importWhitelist(),
      exportWhitelist: () => void saveExport('Export whitelist', 'whitelist.json', '/whitelist/export'),
      sendToPage,
      openDocs: () => void shell.openExternal(DOCS_URL),
      openApiDocs: () => void shell.openExternal(`${baseUrl}/api_docs`),
      about: () => app.showAboutPanel(),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function refreshTray(): Promise<void> {
  if (tray === null) return;
  let status: TrayStatus = { running: false, baseUrl: null, lan: false, lanUrls: [] };
  try {
    if (admin !== null) {
      const server = await admin.server();
      status = { running: true, baseUrl: server.baseUrl, lan: server.lan.enabled, lanUrls: server.lan.urls };
    }
  } catch {
    // engine unreachable: shown as stopped
  }
  tray.setToolTip(trayTooltip(status));
  tray.setContextMenu(
    Menu.buildFromTemplate(
      buildTrayTemplate(status, {
        openStudio: () => window?.show(),
        setLan: (enabled) => void admin?.json('/server/lan', { method: 'PUT', body: { enabled } }).then(refreshTray, (error: Error) => dialog.showErrorBox('LAN sharing', error.message)),
        copyApiUrl: () => clipboard.writeText(`${status.baseUrl ?? ''}/api/v1`),
        quit: () => app.quit(),
      }),
    ),
  );
}

function setupTray(): void {
  const icon = nativeImage.createFromPath(path.join(app.isPackaged ? process.resourcesPath : path.join(import.meta.dirname, '../../resources'), 'icons/tray.png'));
  tray = new Tray(icon);
  void refreshTray();
  // The Studio's LAN switch changes the state too; a light poll keeps the indicator honest.
  setInterval(() => void refreshTray(), 5_000).unref();
}

function setupWindow(dataDir: string, baseUrl: string, adminToken: string): BrowserWindow {
  const stateFile = path.join(dataDir, 'window-state.json');
  const state = restoreWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow(windowOptions(state, path.join(import.meta.dirname, '../preload/index.cjs'), true));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const save = (): void => saveWindowState(stateFile, stateOf(win.getNormalBounds(), win.isMaximized()));
  win.on('close', save);
  void loadStudio(win, win.webContents.session.cookies, baseUrl, adminToken, (url) => void shell.openExternal(url));
  return win;
}

function setupQuit(): void {
  app.on('before-quit', (event) => {
    if (quitting || engine === null) return;
    // Finish in-flight requests, flush the audit log, close the pool and the store, then quit.
    event.preventDefault();
    quitting = true;
    void engine.stop(10_000).finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

async function main(): Promise<void> {
  // Tests and side-by-side profiles: a separate data directory (and single-instance lock) per dir.
  if (process.env.PAS_USER_DATA_DIR !== undefined) app.setPath('userData', process.env.PAS_USER_DATA_DIR);
  if (!setupSingleInstance()) return;
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const storeKey = desktopStoreKey(safeStorage, dataDir, process.platform);
  setupQuit();
  try {
    engine = await setupEngine(dataDir, storeKey.key);
  } catch (error) {
    dialog.showErrorBox('Perfex API Studio cannot start', (error as Error).message);
    app.exit(1);
    return;
  }
  const { baseUrl, adminToken } = engine.ready;
  admin = createDesktopAdmin(baseUrl, adminToken);
  registerIpcHandlers({
    ipcMain,
    dialog: { showSaveDialog: (o) => dialog.showSaveDialog(o), showOpenDialog: (o) => dialog.showOpenDialog(o as Electron.OpenDialogOptions) },
    openExternal: (url) => shell.openExternal(url),
    appVersion: app.getVersion(),
    downloadsDir: app.getPath('downloads'),
    keychain: storeKey.status,
    trusted: () => ({ webContentsId: window?.webContents.id ?? null, origin: new URL(baseUrl).origin }),
    adminSessionToken: () => adminToken,
  });
  setupMenu(baseUrl);
  window = setupWindow(dataDir, baseUrl, adminToken);
  window.on('closed', () => {
    window = null;
  });
  setupTray();
}

void main();
