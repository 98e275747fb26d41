/**
 * The Studio frame: sidebar of screens, a top bar with the served database and LAN state, the theme
 * switch, and the current screen. Ctrl/⌘+1…6 switch screens; the screen's own shortcuts live in it.
 */
import { useEffect } from 'react';
import type { ServerInfo } from '../../src-shared/admin-api.ts';
import { admin } from '../api/admin-client.ts';
import { getStudioState, updateStudio, useStudio, type ScreenId } from '../state/studio-store.ts';
import { SCREENS } from './screens.ts';

function useServerInfo(catalogVersion: number): void {
  useEffect(() => {
    admin<ServerInfo>('/server')
      .then((server) => updateStudio({ server }))
      .catch(() => updateStudio({ server: null }));
  }, [catalogVersion]);
}

function useScreenShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const entry = Number.isInteger(index) ? SCREENS[index] : undefined;
      if (entry === undefined) return;
      event.preventDefault();
      updateStudio({ screen: entry.id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** In the desktop app, the native menu's View commands (theme, screens) arrive over the preload bridge. */
function useDesktopMenu(): void {
  useEffect(() => {
    const bridge = window.studioDesktop;
    if (bridge === undefined) return;
    return bridge.onMenuCommand((command) => {
      if (command === 'toggle-theme') updateStudio({ theme: getStudioState().theme === 'dark' ? 'light' : 'dark' });
      else updateStudio({ screen: command.slice('open-screen:'.length) as ScreenId });
    });
  }, []);
}

export function App(): React.JSX.Element {
  const theme = useStudio((s) => s.theme);
  const screen = useStudio((s) => s.screen);
  const server = useStudio((s) => s.server);
  const catalogVersion = useStudio((s) => s.catalogVersion);
  useServerInfo(catalogVersion);
  useScreenShortcuts();
  useDesktopMenu();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const Current = (SCREENS.find((s) => s.id === screen) ?? SCREENS[0]!).component;
  return (
    <div className="studio">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">
          Perfex API <span>Studio</span>
        </div>
        {SCREENS.map((entry, i) => (
          <button
            key={entry.id}
            type="button"
            className={entry.id === screen ? 'nav-item active' : 'nav-item'}
            data-testid={`nav-${entry.id}`}
            aria-current={entry.id === screen ? 'page' : undefined}
            title={`${entry.label} (Ctrl+${i + 1})`}
            onClick={() => updateStudio({ screen: entry.id })}
          >
            <span className="nav-icon" aria-hidden="true">
              {entry.icon}
            </span>
            {entry.label}
          </button>
        ))}
        <div className="sidebar-foot">
          <button
            type="button"
            className="ghost small"
            data-testid="theme-toggle"
            onClick={() => updateStudio({ theme: theme === 'dark' ? 'light' : 'dark' })}
          >
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </button>
          {server !== null && <span className="muted small">v{server.version}</span>}
        </div>
      </nav>
      <div className="studio-main">
        <header className="topbar" data-testid="topbar">
          {server === null ? (
            <span className="muted">Connecting to the server…</span>
          ) : (
            <>
              <span className="pill" data-testid="active-connection" title="The database this API serves">
                ⛁ {server.connection.name} <span className="muted">({server.connection.dialect}, {server.connection.resources} resources)</span>
              </span>
              <code className="muted" data-testid="api-url">{server.apiUrl}</code>
              <span className={server.lan.enabled ? 'pill warn' : 'pill'} data-testid="lan-state">
                {server.lan.enabled ? 'Shared on LAN' : 'This machine only'}
              </span>
            </>
          )}
        </header>
        <main className="content">
          <Current />
        </main>
      </div>
    </div>
  );
}
