/**
 * The scenario list (scenarios.mjs) on every engine, against one loopback server: Node through
 * both transports (undici request(), and Node's fetch passed as the `fetch` option), Node loading
 * the platform-neutral entry (the web code path: fetch, web streams, no Node features), Deno and
 * Bun (their own fetch, chosen by the runtime) importing the package's Node entry.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildScenarioSdk, PLATFORMS_TMP, REPO_ROOT, SCENARIOS_MODULE } from './build-sdk.js';
import { engineBinary, ensureEngines, runEngine } from './engines.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';
import { assertAllPassed, type ScenarioResult } from './report.js';

interface ScenarioModule {
  runScenarios(
    sdk: unknown,
    options: { baseUrl: string; token: string; clientOptions?: object },
  ): Promise<ScenarioResult[]>;
}

const ENGINE_MAIN = join(REPO_ROOT, 'test', 'platforms', 'engine-main.mjs');
const ENGINE_FILES = join(REPO_ROOT, 'test', 'platforms', 'engine-files.mjs');
const ENGINE_WEB_MAIN = join(REPO_ROOT, 'test', 'platforms', 'engine-web-main.mjs');

describe('the scenario list on every engine', () => {
  let server: ScenarioServer;
  let sdk: Record<string, unknown>;
  let sdkUrl: string;
  let scenarios: ScenarioModule;
  before(async () => {
    await ensureEngines();
    const dir = await buildScenarioSdk();
    sdkUrl = pathToFileURL(join(dir, 'dist', 'index.node.js')).href;
    sdk = (await import(sdkUrl)) as Record<string, unknown>;
    scenarios = (await import(pathToFileURL(SCENARIOS_MODULE).href)) as ScenarioModule;
    server = await startScenarioServer();
  });
  after(() => server?.close());

  test('Node, undici transport', async () => {
    assertAllPassed('Node (undici)', await scenarios.runScenarios(sdk, { baseUrl: server.url, token: SCENARIO_TOKEN }));
  });

  test('Node, fetch transport (the fetch option)', async () => {
    const results = await scenarios.runScenarios(sdk, {
      baseUrl: server.url,
      token: SCENARIO_TOKEN,
      clientOptions: { fetch: globalThis.fetch },
    });
    assertAllPassed('Node (fetch)', results);
  });

  // A process of its own: in this one the Node entry already installed the Node features.
  test('Node, the platform-neutral entry (dist/index.js, what browsers and workers load)', async () => {
    const neutralUrl = sdkUrl.replace(/index\.node\.js$/, 'index.js');
    assertAllPassed(
      'Node (neutral entry)',
      await runEngine(process.execPath, [ENGINE_MAIN, neutralUrl, server.url, SCENARIO_TOKEN]),
    );
  });

  test('Node, the platform-neutral entry: Node-only features refused naming the platform, web ones work', async () => {
    const neutralUrl = sdkUrl.replace(/index\.node\.js$/, 'index.js');
    const functionsUrl = sdkUrl.replace(/index\.node\.js$/, 'functions.js');
    assertAllPassed(
      'Node (neutral entry, web limits)',
      await runEngine(process.execPath, [ENGINE_WEB_MAIN, neutralUrl, functionsUrl, server.url, SCENARIO_TOKEN]),
    );
  });

  test('Deno (its fetch)', async () => {
    const args = [
      'run',
      '--allow-net=127.0.0.1',
      '--allow-read',
      '--allow-env',
      ENGINE_MAIN,
      sdkUrl,
      server.url,
      SCENARIO_TOKEN,
    ];
    assertAllPassed('Deno', await runEngine(engineBinary('deno'), args));
  });

  test('Bun (its fetch)', async () => {
    assertAllPassed('Bun', await runEngine(engineBinary('bun'), [ENGINE_MAIN, sdkUrl, server.url, SCENARIO_TOKEN]));
  });

  for (const engine of ['deno', 'bun'] as const) {
    test(`${engine}: downloadToFile, uploads from fileFromPath (node:fs compatibility), OAuth2 client credentials`, async () => {
      const functionsUrl = sdkUrl.replace(/index\.node\.js$/, 'functions.node.js');
      const file = join(PLATFORMS_TMP, `download-${engine}.bin`);
      const args = [ENGINE_FILES, sdkUrl, functionsUrl, server.url, SCENARIO_TOKEN, file];
      const run =
        engine === 'deno'
          ? ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-write', '--allow-env', ...args]
          : args;
      assertAllPassed(engine, await runEngine(engineBinary(engine), run));
    });
  }

  test('the fetch transport refuses socket options, naming the option and the transport', () => {
    const Platforms = sdk.Platforms as new (options: object) => unknown;
    const InvalidArgumentError = sdk.InvalidArgumentError as new () => Error;
    for (const option of [
      { proxy: 'http://127.0.0.1:9' },
      { tls: { ca: 'x' } },
      { dangerouslyDisableTlsVerification: true },
    ]) {
      assert.throws(
        () => new Platforms({ baseUrl: server.url, fetch: globalThis.fetch, ...option }),
        (error: Error) =>
          error instanceof InvalidArgumentError &&
          error.message.includes(`${Object.keys(option)[0]} option`) &&
          error.message.includes('fetch transport'),
      );
    }
  });
});
