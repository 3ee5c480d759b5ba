/**
 * The scenario list (scenarios.mjs) in headless Chromium: a page served from 127.0.0.1 on its own
 * port loads the esbuild browser bundle of the generated SDK (its `browser` entry) and calls the
 * scenario server on another port, so CORS is real. One browser for the suite.
 */
import { after, before, describe, test } from 'node:test';
import { type Browser, ensureChromium, launchChromium } from './chromium.js';
import { ensureEngines } from './engines.js';
import { startPageServer, type PageServer } from './page-server.js';
import { assertAllPassed, type ScenarioResult } from './report.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';
import { buildWebBundle } from './web-bundle.js';

describe('the scenario list in Chromium (a page on another origin than the API)', () => {
  let api: ScenarioServer;
  let browser: Browser;
  let page: PageServer | undefined;
  before(async () => {
    await ensureEngines();
    await ensureChromium();
    api = await startScenarioServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await page?.close();
    await api?.close();
  });

  test('every scenario passes through the browser build', async () => {
    page = await startPageServer(await buildWebBundle('browser'));
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    await tab.goto(page.url);
    const call = `globalThis.runScenarioList(${JSON.stringify(api.url)}, ${JSON.stringify(SCENARIO_TOKEN)})`;
    const results = await tab.evaluate<ScenarioResult[]>(call).catch((error: Error) => {
      throw new Error(`the page could not run the scenarios: ${error.message}\n${pageErrors.join('\n')}`);
    });
    assertAllPassed(`Chromium ${browser.version()}`, results);
  });
});
