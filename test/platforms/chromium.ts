/**
 * Chromium for the browser suite: Debian's `chromium` package (installed here when missing: CI runs
 * as root on Debian), driven headless by playwright-core from the engines folder. playwright-core
 * rather than puppeteer-core: one package with no dependencies and no install script, where
 * puppeteer-core 25.16 installs 25 packages (ws, zod, yargs, a tar reader, chromium-bidi...); with
 * `executablePath` it downloads nothing. A failed install is a failure that prints the command.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLATFORMS_TMP, withLock } from './build-sdk.js';
import { INSTALL_COMMAND, PLAYWRIGHT_CORE } from './engines.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

/** apt-get update plus a ~100 MB chromium with its libraries on a slow mirror. */
const APT_TIMEOUT_MS = 600_000;
/** Chromium's start on a loaded 2-core machine (about 1 s when idle). */
const LAUNCH_TIMEOUT_MS = 60_000;
const APT_LOCK = join(PLATFORMS_TMP, 'chromium.lock');

/** The part of playwright-core's API this suite uses (its types live in the engines folder, not installed at typecheck). */
export interface Page {
  goto(url: string): Promise<unknown>;
  evaluate<T>(expression: string): Promise<T>;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
}
export interface Browser {
  version(): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: {
    launch(options: { executablePath: string; headless: boolean; timeout: number }): Promise<Browser>;
  };
}

/** Installs Debian's chromium when /usr/bin/chromium is missing; throws with the command on failure. */
export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  await withLock(APT_LOCK, APT_TIMEOUT_MS, () => {
    if (existsSync(CHROMIUM)) return;
    const apt = (args: string[]) =>
      execFileSync('apt-get', args, {
        stdio: 'pipe',
        timeout: APT_TIMEOUT_MS,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    try {
      apt(['update']);
      apt(['install', '-y', 'chromium']);
    } catch (error) {
      throw new Error(
        `chromium is not installed (${CHROMIUM}) and installing it failed; run as root: ${CHROMIUM_INSTALL_COMMAND}\n${String((error as { stderr?: unknown }).stderr ?? error)}`,
      );
    }
  });
}

/** Starts one headless Chromium (playwright adds --no-sandbox: chromiumSandbox defaults to false). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(PLAYWRIGHT_CORE))
    throw new Error(`playwright-core is missing (${PLAYWRIGHT_CORE}); run: ${INSTALL_COMMAND}`);
  const playwright = (await import(pathToFileURL(PLAYWRIGHT_CORE).href)) as Playwright;
  return playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: LAUNCH_TIMEOUT_MS });
}
