/**
 * The preload: the page's only bridge to the main process, built from the IPC contract
 * (src-shared/desktop-bridge.ts). Named functions only, each bound to its one channel; no generic
 * invoke, no Node objects handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, type DesktopBridge, type MenuCommand } from '../src-shared/desktop-bridge.ts';

const bridge: DesktopBridge = {
  platform: process.platform,
  adminSessionToken: () => ipcRenderer.invoke(INVOKE_CHANNELS.adminSessionToken),
  appVersion: () => ipcRenderer.invoke(INVOKE_CHANNELS.appVersion),
  saveFile: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.saveFile, request),
  openTextFile: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.openTextFile, request),
  openExternal: (url) => ipcRenderer.invoke(INVOKE_CHANNELS.openExternal, url),
  keychain: () => ipcRenderer.invoke(INVOKE_CHANNELS.keychain),
  onMenuCommand(listener) {
    const wrapped = (_event: unknown, command: MenuCommand): void => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('studioDesktop', Object.freeze(bridge));
