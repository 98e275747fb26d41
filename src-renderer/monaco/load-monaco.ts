/** The one lazy entry to Monaco: the first call loads and configures it, later calls share it. */
import type { Monaco } from './monaco-setup.ts';

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-setup.ts').then((module) => module.monaco);
  return loading;
}
