/** The Studio's screens, in sidebar order, with their keyboard shortcut (Ctrl/⌘ + digit). */
import type { ComponentType } from 'react';
import { ConnectionsScreen } from '../screens/connections/ConnectionsScreen.tsx';
import { ExplorerScreen } from '../screens/explorer/ExplorerScreen.tsx';
import { ExportScreen } from '../screens/export/ExportScreen.tsx';
import { LogsScreen } from '../screens/logs/LogsScreen.tsx';
import { TokensScreen } from '../screens/tokens/TokensScreen.tsx';
import { WhitelistScreen } from '../screens/whitelist/WhitelistScreen.tsx';
import type { ScreenId } from '../state/studio-store.ts';

export interface ScreenEntry {
  readonly id: ScreenId;
  readonly label: string;
  readonly icon: string;
  readonly component: ComponentType;
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'explorer', label: 'Explorer', icon: '⇄', component: ExplorerScreen },
  { id: 'whitelist', label: 'Whitelist', icon: '☰', component: WhitelistScreen },
  { id: 'connections', label: 'Connections', icon: '⛁', component: ConnectionsScreen },
  { id: 'tokens', label: 'Tokens', icon: '✦', component: TokensScreen },
  { id: 'logs', label: 'Logs', icon: '≡', component: LogsScreen },
  { id: 'export', label: 'Share & export', icon: '⇪', component: ExportScreen },
];
