/** The native menu and the tray indicator as data: items, standard shortcuts, and what clicking does. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../src-main/app-menu.ts';
import { buildTrayTemplate, trayTooltip } from '../../../src-main/tray-menu.ts';

function recorder(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      exportPostman: () => calls.push('postman'),
      exportOpenApi: (v) => calls.push(`openapi ${v}`),
      importWhitelist: () => calls.push('import whitelist'),
      exportWhitelist: () => calls.push('export whitelist'),
      sendToPage: (c) => calls.push(`page ${c}`),
      openDocs: () => calls.push('docs'),
      openApiDocs: () => calls.push('api docs'),
      about: () => calls.push('about'),
    },
  };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

function click(template: MenuItemConstructorOptions[], label: string): void {
  const item = items(template).find((i) => i.label === label);
  if (item?.click === undefined) throw new Error(`no clickable ${label}`);
  (item.click as () => void)();
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help with the documented commands', () => {
    const { actions, calls } = recorder();
    const template = buildMenuTemplate(actions, 'linux');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    for (const label of ['Export Postman Collection…', 'Export OpenAPI 3.1…', 'Export OpenAPI 3.0…', 'Import Whitelist…', 'Export Whitelist…', 'Toggle Light/Dark Theme', 'Explorer', 'API Documentation (/api_docs)', 'About Perfex API Studio']) click(template, label);
    expect(calls).toEqual(['postman', 'openapi 3.1', 'openapi 3.0', 'import whitelist', 'export whitelist', 'page toggle-theme', 'page open-screen:explorer', 'api docs', 'about']);
    const roles = items(template).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'resetZoom', 'zoomIn', 'zoomOut', 'reload', 'toggleDevTools']));
  });

  it('gives every shortcut to one item only', () => {
    const accelerators = items(buildMenuTemplate(recorder().actions, 'win32')).map((i) => i.accelerator).filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(accelerators).toEqual(expect.arrayContaining(['CmdOrCtrl+1', 'CmdOrCtrl+6', 'CmdOrCtrl+Shift+E', 'CmdOrCtrl+I']));
  });

  it('puts About and Quit in the application menu on macOS', () => {
    const template = buildMenuTemplate(recorder().actions, 'darwin');
    expect(template[0]?.label).toBe('Perfex API Studio');
    const first = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(first.map((i) => i.role ?? i.label)).toEqual(expect.arrayContaining(['About Perfex API Studio', 'quit']));
  });
});

describe('tray indicator', () => {
  const actions = (calls: string[]) => ({ openStudio: () => calls.push('open'), setLan: (on: boolean) => calls.push(`lan ${on}`), copyApiUrl: () => calls.push('copy'), quit: () => calls.push('quit') });

  it('shows the API address and the LAN URLs, and switches sharing', () => {
    const calls: string[] = [];
    const status = { running: true, baseUrl: 'http://127.0.0.1:4780', lan: true, lanUrls: ['http://192.168.1.20:4780'] };
    const template = buildTrayTemplate(status, actions(calls));
    expect(template[0]?.label).toBe('● API running: http://127.0.0.1:4780/api/v1');
    expect(template[1]?.label).toContain('http://192.168.1.20:4780/api/v1');
    const share = template.find((i) => i.label === 'Share on the LAN');
    expect(share?.checked).toBe(true);
    (share?.click as () => void)();
    expect(calls).toEqual(['lan false']);
    expect(trayTooltip(status)).toBe('Perfex API Studio: API on http://127.0.0.1:4780 (shared on the LAN)');
  });

  it('says when the server is stopped and disables what needs it', () => {
    const template = buildTrayTemplate({ running: false, baseUrl: null, lan: false, lanUrls: [] }, actions([]));
    expect(template[0]?.label).toBe('○ API server stopped');
    expect(template.find((i) => i.label === 'Share on the LAN')?.enabled).toBe(false);
    expect(trayTooltip({ running: false, baseUrl: null, lan: false, lanUrls: [] })).toMatch(/stopped/);
  });
});
