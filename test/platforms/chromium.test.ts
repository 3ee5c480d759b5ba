/**
 * The scenario list (scenarios.mjs) and the web limits (web-limits.mjs) in headless Chromium: a
 * page served from 127.0.0.1 on its own port loads the esbuild browser bundle of the generated SDK
 * (its `browser` entry) and calls the scenario server on another port, so CORS is real. One
 * browser and one page for the suite.
 */
import { after, before, describe, test } from 'node:test';
import { type Browser, ensureChromium, launchChromium, type Page } from './chromium.js';
import { ENGINE_RUN_TIMEOUT_MS, ensureEngines } from './engines.js';
import { startPageServer, type PageServer } from './page-server.js';
import { assertAllPassed, type CannotRun, type ScenarioResult } from './report.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';
import { buildWebBundle } from './web-bundle.js';

/**
 * Chromium sends a streamed (ReadableStream) request body only over HTTP/2 or later; the loopback
 * server speaks HTTP/1.1, where fetch rejects with a bare "TypeError: Failed to fetch" (the
 * console says net::ERR_ALPN_NEGOTIATION_FAILED) and the SDK reports a ConnectionError. Over
 * https with HTTP/2 (most production APIs) it streams.
 */
const CHROMIUM_CANNOT_RUN: Readonly<Record<string, CannotRun>> = {
  'upload from a ReadableStream': {
    why: 'Chromium streams request bodies only over HTTP/2+, the loopback server is HTTP/1.1',
    error: /^ConnectionError: POST \S+\/raw: connection failed .*Failed to fetch/,
  },
};

describe('Chromium: a page on another origin than the API, on the browser build', () => {
  let api: ScenarioServer;
  let browser: Browser;
  let pageServer: PageServer;
  let tab: Page;
  const pageErrors: string[] = [];
  before(async () => {
    await ensureEngines();
    await ensureChromium();
    api = await startScenarioServer();
    pageServer = await startPageServer(await buildWebBundle('browser'));
    browser = await launchChromium();
    tab = await browser.newPage();
    tab.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await tab.goto(pageServer.url);
  });
  after(async () => {
    await browser?.close();
    await pageServer?.close();
    await api?.close();
  });

  /** Runs one of the page's lists (browser-page.mjs) and returns its results. */
  async function runInPage(list: 'runScenarioList' | 'runWebLimitsList'): Promise<ScenarioResult[]> {
    const call = `globalThis.${list}(${JSON.stringify(api.url)}, ${JSON.stringify(SCENARIO_TOKEN)})`;
    // page.evaluate has no timeout of its own: bound it so a hung page fails instead of hanging CI.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no results within ${ENGINE_RUN_TIMEOUT_MS} ms`)),
        ENGINE_RUN_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([tab.evaluate<ScenarioResult[]>(call), timeout]);
    } catch (error) {
      throw new Error(`the page could not run ${list}: ${(error as Error).message}\n${pageErrors.join('\n')}`);
    } finally {
      clearTimeout(timer);
    }
  }

  test('every scenario passes', async () => {
    assertAllPassed(`Chromium ${browser.version()}`, await runInPage('runScenarioList'));
  });

  test('Node-only features are refused naming the platform; their web replacements work (a ReadableStream upload fails over HTTP/1.1: HTTP/2+ only)', async () => {
    const results = await runInPage('runWebLimitsList');
    assertAllPassed(`Chromium ${browser.version()} (web limits)`, results, CHROMIUM_CANNOT_RUN);
  });
});
