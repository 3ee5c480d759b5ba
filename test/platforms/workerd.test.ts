/**
 * The scenario list (scenarios.mjs) and the web limits (web-limits.mjs) in workerd: the worker
 * bundle of the generated SDK (its `workerd`/`worker`/`browser` entry, as wrangler resolves it)
 * runs a list inside one request against the loopback scenario server and answers the results.
 */
import { after, before, describe, test } from 'node:test';
import { ENGINE_RUN_TIMEOUT_MS, engineBinary, ensureEngines } from './engines.js';
import { assertAllPassed, type ScenarioResult } from './report.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';
import { buildWebBundle } from './web-bundle.js';
import { startWorkerd, type Workerd } from './workerd.js';

describe('workerd: a worker on the worker build', () => {
  let api: ScenarioServer;
  let workerd: Workerd;
  before(async () => {
    await ensureEngines();
    api = await startScenarioServer();
    workerd = await startWorkerd(engineBinary('workerd'), await buildWebBundle('workerd'));
  });
  after(async () => {
    await workerd?.close();
    await api?.close();
  });

  /** Runs one of the worker's lists (workerd-worker.mjs) and returns its results. */
  async function runInWorker(list: 'scenarios' | 'web-limits'): Promise<ScenarioResult[]> {
    const query = new URLSearchParams({ baseUrl: api.url, token: SCENARIO_TOKEN });
    const response = await fetch(`${workerd.url}/${list}?${query}`, {
      signal: AbortSignal.timeout(ENGINE_RUN_TIMEOUT_MS),
    });
    const body = await response.text();
    if (!response.ok)
      throw new Error(`the worker answered ${response.status}: ${body}\n${workerd.output().slice(-4000)}`);
    return JSON.parse(body) as ScenarioResult[];
  }

  test('every scenario passes', async () => {
    assertAllPassed('workerd', await runInWorker('scenarios'));
  });

  test('Node-only features are refused naming the platform; their web replacements work', async () => {
    assertAllPassed('workerd (web limits)', await runInWorker('web-limits'));
  });
});
