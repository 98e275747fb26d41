/**
 * The Studio in a real Chromium (Debian's, through playwright-core) against the real headless server
 * (`serve`) on a fresh data directory with the embedded demo database: what a user gets from
 * `npm start`. Page errors and console errors are collected so a test can assert there were none;
 * `screenshot(name)` writes test/e2e/screenshots/<name>-<width>x<height>.png (artifacts, not committed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureStudio } from '../../scripts/ensure-studio.ts';
import { serve, type ServeOptions, type Serving } from '../../src-server/server/serve.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** Debian's Chromium in containers and CI: no sandbox, no GPU, nothing phoning home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../e2e/screenshots');

export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package`);

export interface StudioSession {
  readonly serving: Serving;
  readonly dataDir: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors seen so far. */
  readonly errors: string[];
  /** Opens the Studio (the URL `serve` prints) and waits for the frame. */
  open(screen?: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface StudioOptions {
  readonly viewport?: { width: number; height: number };
  /** Over the defaults: the demo database in a fresh data dir, port 0, silent logs. */
  readonly serve?: Partial<ServeOptions>;
}

export async function startStudio(options: StudioOptions = {}): Promise<StudioSession> {
  ensureStudio();
  const dataDir = options.serve?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pas-studio-'));
  const serving = await serve({ db: undefined, dataDir, port: 0, logger: pino({ level: 'silent' }), ...options.serve });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serving.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    serving,
    dataDir,
    browser,
    context,
    page,
    errors,
    async open(screen) {
      await page.goto(serving.studioUrl);
      await page.getByTestId('topbar').waitFor();
      if (screen !== undefined) await page.getByTestId(`nav-${screen}`).click();
    },
    async screenshot(name) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const size = page.viewportSize() ?? viewport;
      const file = path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await serving.close();
      if (options.serve?.dataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
