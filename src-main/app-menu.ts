/**
 * The native menu as data: File (exports, whitelist import/export), View (theme, zoom, reload),
 * Help (docs, about), with standard roles and shortcuts. A pure function of the actions and the
 * platform, so tests read the template without an Electron binary; `index.ts` hands it to `Menu`.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../src-shared/desktop-bridge.ts';

export interface MenuActions {
  exportPostman(): void;
  exportOpenApi(version: '3.1' | '3.0'): void;
  importWhitelist(): void;
  exportWhitelist(): void;
  sendToPage(command: MenuCommand): void;
  openDocs(): void;
  openApiDocs(): void;
  about(): void;
}

export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform, appName = 'Perfex API Studio'): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const screens: [MenuCommand, string, string][] = [
    ['open-screen:explorer', 'Explorer', 'CmdOrCtrl+1'],
    ['open-screen:whitelist', 'Whitelist', 'CmdOrCtrl+2'],
    ['open-screen:connections', 'Connections', 'CmdOrCtrl+3'],
    ['open-screen:tokens', 'Tokens', 'CmdOrCtrl+4'],
    ['open-screen:logs', 'Logs', 'CmdOrCtrl+5'],
    ['open-screen:export', 'Share & export', 'CmdOrCtrl+6'],
  ];
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [{ label: `About ${appName}`, click: () => actions.about() }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      { label: 'Export Postman Collection…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportPostman() },
      { label: 'Export OpenAPI 3.1…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.exportOpenApi('3.1') },
      { label: 'Export OpenAPI 3.0…', click: () => actions.exportOpenApi('3.0') },
      { type: 'separator' },
      { label: 'Import Whitelist…', accelerator: 'CmdOrCtrl+I', click: () => actions.importWhitelist() },
      { label: 'Export Whitelist…', click: () => actions.exportWhitelist() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({ role: 'editMenu' });
  template.push({
    label: 'View',
    submenu: [
      ...screens.map(([command, label, accelerator]): MenuItemConstructorOptions => ({ label, accelerator, click: () => actions.sendToPage(command) })),
      { type: 'separator' },
      { label: 'Toggle Light/Dark Theme', accelerator: 'CmdOrCtrl+Shift+T', click: () => actions.sendToPage('toggle-theme') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'reload' },
      { role: 'toggleDevTools' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      { label: 'API Documentation (/api_docs)', click: () => actions.openApiDocs() },
      { label: 'Perfex API Studio on the Web', click: () => actions.openDocs() },
      ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { label: `About ${appName}`, click: () => actions.about() }]),
    ],
  });
  return template;
}
