/**
 * CommonJS consumers: `require()` of the generated package (ESM, "type": "module") works on the
 * oldest Node its engines allow (20.19.0: require(esm) without a flag), on this machine's Node and
 * on Node 24, and the required client makes real calls.
 */
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildScenarioSdk, REPO_ROOT } from './build-sdk.js';
import { ENGINE_RUN_TIMEOUT_MS, engineBinary, ensureEngines } from './engines.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';

const CONSUMER = join(REPO_ROOT, 'test', 'platforms', 'require-consumer.cjs');

function requireWith(
  node: string,
  dir: string,
  baseUrl: string,
): Promise<{ node: string; pet: unknown; notFound: boolean }> {
  return new Promise((resolve, reject) => {
    execFile(
      node,
      [CONSUMER, dir, baseUrl, SCENARIO_TOKEN],
      { timeout: ENGINE_RUN_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${node}: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
      },
    );
  });
}

describe('require() of the generated package', () => {
  let server: ScenarioServer;
  let dir: string;
  before(async () => {
    await ensureEngines();
    dir = await buildScenarioSdk();
    server = await startScenarioServer();
  });
  after(() => server?.close());

  const nodes: [string, () => string][] = [
    ['Node 20.19.0 (the engines floor)', () => engineBinary('node-20.19')],
    [`this machine's Node`, () => process.execPath],
    ['Node 24', () => engineBinary('node-24')],
  ];
  for (const [label, binary] of nodes) {
    test(label, async () => {
      const result = await requireWith(binary(), dir, server.url);
      assert.deepEqual(result.pet, { id: '3', name: 'Rex', tag: 'bearer-ok' });
      assert.equal(result.notFound, true);
    });
  }

  test('the package allows no Node older than require(esm) needs', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { engines: { node: string } };
    assert.equal(pkg.engines.node, '>=20.19.0');
  });
});
