/**
 * Standalone operation functions (src/functions.ts, the `./functions` export): they call the API
 * like the resource methods, their types are the methods' (a consumer type-checked with
 * @ts-expect-error lines), and a bundle of a one-call app holds only that operation.
 */
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildScenarioSdk, REPO_ROOT } from './build-sdk.js';
import { SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';

type Fn = (client: unknown, params?: object, options?: object) => Promise<unknown> & AsyncIterable<unknown>;

/** tsc on the consumer alone (the SDK is already built): well under a minute on a loaded machine. */
const TSC_TIMEOUT_MS = 120_000;

const CONSUMER = `import { createClient, getPet, listItems, createPet } from './src/functions.js';
import type { Pet } from './src/index.js';

const client = createClient({ baseUrl: 'http://127.0.0.1:1' });
export async function use(): Promise<string> {
  const pet: Pet = await getPet(client, { petId: '1' });
  for await (const item of listItems(client)) item.id.toFixed();
  await createPet(client, { name: 'Tom' }, { idempotencyKey: 'k' });
  // @ts-expect-error petId is required
  await getPet(client, {});
  // @ts-expect-error petId is a string
  await getPet(client, { petId: 1 });
  // @ts-expect-error name is required
  await createPet(client, { tag: 'x' });
  // @ts-expect-error the client comes first
  await getPet({ petId: '1' });
  return pet.name;
}
`;

describe('standalone operation functions', () => {
  let server: ScenarioServer;
  let dir: string;
  before(async () => {
    dir = await buildScenarioSdk();
    server = await startScenarioServer();
  });
  after(() => server?.close());

  test('call the API like the resource methods (typed GET, Link pages, 404 class)', async () => {
    const functions = (await import(pathToFileURL(join(dir, 'dist', 'functions.js')).href)) as Record<string, unknown>;
    const sdk = (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href)) as Record<string, unknown>;
    const createClient = functions.createClient as (options: object) => { close(): Promise<void> };
    const client = createClient({ baseUrl: server.url, auth: { token: SCENARIO_TOKEN }, logLevel: 'off' });
    try {
      assert.deepEqual(await (functions.getPet as Fn)(client, { petId: '5' }), {
        id: '5',
        name: 'Rex',
        tag: 'bearer-ok',
      });
      const ids: unknown[] = [];
      for await (const item of (functions.listItems as Fn)(client)) ids.push((item as { id: number }).id);
      assert.deepEqual(ids, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const error = await (functions.getPet as Fn)(client, { petId: 'missing' }).catch((e: unknown) => e);
      assert.ok(error instanceof (sdk.NotFoundError as new () => Error));
    } finally {
      await client.close();
    }
  });

  test('their types are the resource methods (consumer checked by tsc --strict)', () => {
    const file = join(dir, 'functions-consumer.ts');
    writeFileSync(file, CONSUMER);
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [
      tsc,
      '--noEmit',
      '--strict',
      '--target',
      'ES2022',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--skipLibCheck',
      '--types',
      'node',
      file,
    ];
    try {
      execFileSync(process.execPath, args, { cwd: dir, stdio: 'pipe', timeout: TSC_TIMEOUT_MS, encoding: 'utf8' });
    } catch (error) {
      assert.fail(`the consumer does not type-check as expected:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
  });

  test('a one-call app bundles that operation only', async () => {
    const entry = join(dir, 'one-call-functions.ts');
    writeFileSync(
      entry,
      "import { createClient, getPet } from './src/functions.js';\nconsole.log(await getPet(createClient(), { petId: '1' }));\n",
    );
    const outfile = join(dir, 'one-call-functions.js');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      external: ['undici'],
      logLevel: 'silent',
    });
    const code = readFileSync(outfile, 'utf8');
    assert.ok(code.includes('/pets/{petId}'), 'the called operation is in the bundle');
    for (const other of ['/flaky', '/files', '/events', '/items'])
      assert.ok(!code.includes(`"${other}"`), `${other} (not called) is not in the bundle`);
  });
});
