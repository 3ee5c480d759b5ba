/**
 * The scenario list (scenarios.mjs) in workerd: the worker bundle of the generated SDK (its
 * `workerd`/`worker`/`browser` entry, as wrangler resolves it) runs the list inside one request
 * against the loopback scenario server and answers the results.
 */
import { after, before, describe, test } from 'node:test';
import { ENGINE_RUN_TIMEOUT_MS, engineBinary, ensureEngines } from './engines.js';
import { assertAllPassed, type ScenarioResult } from './report.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';
import { buildWebBundle } from './web-bundle.js';
import { startWorkerd, type Workerd } from './workerd.js';

describe('the scenario list in workerd', () => {
  let api: ScenarioServer;
  let workerd: Workerd | undefined;
  before(async () => {
    await ensureEngines();
    api = await startScenarioServer();
  });
  after(async () => {
    await workerd?.close();
    await api?.close();
  });

  test('every scenario passes through the worker build', async () => {
    workerd = await startWorkerd(engineBinary('workerd'), await buildWebBundle('workerd'));
    const query = new URLSearchParams({ baseUrl: api.url, token: SCENARIO_TOKEN });
    const response = await fetch(`${workerd.url}/?${query}`, { signal: AbortSignal.timeout(ENGINE_RUN_TIMEOUT_MS) });
    const body = await response.text();
    if (!response.ok)
      throw new Error(`the worker answered ${response.status}: ${body}\n${workerd.output().slice(-4000)}`);
    assertAllPassed('workerd', JSON.parse(body) as ScenarioResult[]);
  });
});
