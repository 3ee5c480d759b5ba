/**
 * The scenario list (scenarios.mjs) on Node, through both transports: undici request() (the
 * default) and the fetch transport (Node's own fetch passed as the `fetch` option).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildScenarioSdk, SCENARIOS_MODULE } from './build-sdk.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';
import { assertAllPassed, type ScenarioResult } from './report.js';

interface ScenarioModule {
  runScenarios(sdk: unknown, options: { baseUrl: string; token: string; clientOptions?: object }): Promise<ScenarioResult[]>;
}

describe('scenarios on Node', () => {
  let server: ScenarioServer;
  let sdk: Record<string, unknown>;
  let scenarios: ScenarioModule;
  before(async () => {
    const dir = buildScenarioSdk();
    sdk = (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href)) as Record<string, unknown>;
    scenarios = (await import(pathToFileURL(SCENARIOS_MODULE).href)) as ScenarioModule;
    server = await startScenarioServer();
  });
  after(() => server?.close());

  test('undici transport', async () => {
    assertAllPassed('Node (undici)', await scenarios.runScenarios(sdk, { baseUrl: server.url, token: SCENARIO_TOKEN }));
  });

  test('fetch transport (the fetch option)', async () => {
    const results = await scenarios.runScenarios(sdk, { baseUrl: server.url, token: SCENARIO_TOKEN, clientOptions: { fetch: globalThis.fetch } });
    assertAllPassed('Node (fetch)', results);
  });

  test('the fetch transport refuses socket options, naming the option and the transport', () => {
    const Platforms = sdk.Platforms as new (options: object) => unknown;
    const InvalidArgumentError = sdk.InvalidArgumentError as new () => Error;
    for (const option of [{ proxy: 'http://127.0.0.1:9' }, { tls: { ca: 'x' } }, { dangerouslyDisableTlsVerification: true }]) {
      assert.throws(
        () => new Platforms({ baseUrl: server.url, fetch: globalThis.fetch, ...option }),
        (error: Error) => error instanceof InvalidArgumentError && error.message.includes(`${Object.keys(option)[0]} option`) && error.message.includes('fetch transport'),
      );
    }
  });
});
