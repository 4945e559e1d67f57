// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core, fresh profile per launch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  viewport?: ViewportName;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Closes Chromium and deletes its temporary profile. */
  close: () => Promise<void>;
}

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** Launches headless Chromium with a fresh temporary user-data-dir (persistent context, so the dir is ours to delete). */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const viewport = VIEWPORTS[opts.viewport ?? 'desktop'];
  const phone = opts.viewport === 'phone';
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdtt-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...ARGS, ...(opts.args ?? [])],
      viewport,
      deviceScaleFactor: 1,
      isMobile: phone,
      hasTouch: phone,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the web app's form (data-testids of web/src/routes/dang-nhap) and waits for the overview. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(new URL('/dang-nhap', baseUrl).href);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/dang-nhap');
  await page.getByTestId('main').waitFor();
}

/** Saves a full-page PNG under `dir` (created if missing) and returns its path. */
export async function saveScreenshot(page: Page, dir: string, name: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
