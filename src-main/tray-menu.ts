/**
 * The tray (status area) indicator: whether the API server runs, where, and whether it is shared on
 * the LAN, with a switch for sharing. Data → menu template, so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayStatus {
  readonly running: boolean;
  readonly baseUrl: string | null;
  readonly lan: boolean;
  readonly lanUrls: readonly string[];
}

export interface TrayActions {
  openStudio(): void;
  setLan(enabled: boolean): void;
  copyApiUrl(): void;
  quit(): void;
}

export function trayTooltip(status: TrayStatus): string {
  if (!status.running) return 'Perfex API Studio: API server stopped';
  return `Perfex API Studio: API on ${status.baseUrl ?? '?'}${status.lan ? ' (shared on the LAN)' : ''}`;
}

export function buildTrayTemplate(status: TrayStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: status.running ? `● API running: ${status.baseUrl ?? ''}/api/v1` : '○ API server stopped', enabled: false },
    ...status.lanUrls.map((url): MenuItemConstructorOptions => ({ label: `   LAN: ${url}/api/v1`, enabled: false })),
    { type: 'separator' },
    { label: 'Share on the LAN', type: 'checkbox', checked: status.lan, enabled: status.running, click: () => actions.setLan(!status.lan) },
    { label: 'Copy API URL', enabled: status.running, click: () => actions.copyApiUrl() },
    { type: 'separator' },
    { label: 'Open Studio', click: () => actions.openStudio() },
    { label: 'Quit', role: 'quit', click: () => actions.quit() },
  ];
}
