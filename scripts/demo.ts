/**
 * `npm start`: the whole path on the bundled example, in plain words.
 * 1. generate an SDK from fixtures/petstore.yaml into out/petstore,
 * 2. build it with tsc under strict (as an SDK author's `npm run build` would),
 * 3. start a Pet Store server on 127.0.0.1 and call it through the built SDK: typed calls, a
 *    paginated listing, a 503 that is retried, a read timeout and a typed 404.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '../generator/generate.js';
import { DEMO_TOKEN, startDemoServer } from './demo-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = join(root, 'fixtures', 'petstore.yaml');
const outDir = join(root, 'out', 'petstore');
/** Short enough to keep the demo quick, long enough that a healthy local call never trips it. */
const DEMO_READ_TIMEOUT_MS = 300;

/** The slice of the generated SDK the demo uses (it is imported from dist/ at run time). */
interface Pet {
  id: string;
  name: string;
  tag?: string;
  status?: string;
}
interface ApiErrorLike extends Error {
  status?: number;
  body?: unknown;
  attempts?: readonly { attempt: number; status?: number; errorCode?: string; delayMs: number }[];
}
interface PetStoreSdk {
  PetStore: new (
    options: object,
  ) => {
    pets: {
      get(params: { petId: string }, options?: object): Promise<Pet>;
      create(params: { name: string; tag?: string }): Promise<Pet>;
      list(params: { limit?: number }): AsyncIterable<Pet> & { pages(): AsyncIterable<{ items: Pet[] }> };
    };
    store: { getInventory(params?: object, options?: object): Promise<Record<string, number>> };
    close(): Promise<void>;
  };
  NotFoundError: new (...args: never[]) => ApiErrorLike;
  ReadTimeoutError: new (...args: never[]) => ApiErrorLike;
}

function say(line = ''): void {
  process.stdout.write(line + '\n');
}

async function main(): Promise<void> {
  say(`1. Generating an SDK from ${relative(root, specPath)} ...`);
  const result = await generate({ spec: specPath, output: outDir, check: false, allowRemoteRefs: false, cwd: root });
  say(
    `   ${result.operations} operations in ${result.resources} resources, ${result.files} files in ${relative(root, outDir)}/ (${Math.round(result.durations.total)} ms)`,
  );

  say('2. Building it with tsc --strict ...');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const started = Date.now();
  const build = spawnSync(process.execPath, [tsc, '-p', join(outDir, 'tsconfig.json')], { encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    throw new Error('the generated SDK did not compile; see the errors above');
  }
  say(`   compiled to ${relative(root, join(outDir, 'dist'))}/ with 0 errors (${Date.now() - started} ms)`);

  const sdk = (await import(pathToFileURL(join(outDir, 'dist', 'index.js')).href)) as PetStoreSdk;
  const server = await startDemoServer();
  say(`3. Calling a Pet Store server on ${server.baseUrl} through the SDK:`);
  const store = new sdk.PetStore({
    baseUrl: server.baseUrl,
    auth: { bearerAuth: DEMO_TOKEN, apiKeyQuery: DEMO_TOKEN },
  });
  try {
    const pet = await store.pets.get({ petId: 'pet-001' });
    say(`   - store.pets.get({ petId: 'pet-001' }) -> a typed Pet: ${pet.name} (${pet.status})`);

    const created = await store.pets.create({ name: 'Rex', tag: 'dog' });
    say(
      `   - store.pets.create({ name: 'Rex', tag: 'dog' }) -> created ${created.id}; the body went out as JSON with its Content-Type`,
    );

    let count = 0;
    for await (const _pet of store.pets.list({ limit: 5 })) count++;
    const pages = server.hits.get('GET /v1/pets') ?? 0;
    say(
      `   - for await (const pet of store.pets.list({ limit: 5 })) -> ${count} pets over ${pages} pages, following the Link header`,
    );

    const inventoryStarted = Date.now();
    const inventory = await store.store.getInventory();
    const inventoryHits = server.hits.get('GET /v1/store/inventory') ?? 0;
    say(`   - store.store.getInventory() -> the server said 503 with Retry-After: 1; the SDK waited and retried:`);
    say(`     ${inventoryHits} requests, ${Date.now() - inventoryStarted} ms, result ${JSON.stringify(inventory)}`);

    const slowStarted = Date.now();
    try {
      await store.pets.get(
        { petId: 'slow-sloth' },
        { timeout: { read: DEMO_READ_TIMEOUT_MS }, retry: { maxRetries: 0 } },
      );
      say('   - unexpected: the slow call returned');
    } catch (err) {
      if (!(err instanceof sdk.ReadTimeoutError)) throw err;
      say(
        `   - a pet that takes 5 s, with { timeout: { read: ${DEMO_READ_TIMEOUT_MS} } } -> ${err.name} after ${Date.now() - slowStarted} ms: ${err.message}`,
      );
    }

    try {
      await store.pets.get({ petId: 'no-such-pet' });
      say('   - unexpected: the missing pet was found');
    } catch (err) {
      if (!(err instanceof sdk.NotFoundError)) throw err;
      say(
        `   - store.pets.get({ petId: 'no-such-pet' }) -> ${err.name} (status ${err.status}), body ${JSON.stringify(err.body)}`,
      );
    }
  } finally {
    await store.close();
    await server.close();
  }
  say();
  say(`Done. The generated SDK is in ${relative(root, outDir)}/ (read its README.md); generate your own with:`);
  say('  npm run sdkgen -- generate path/to/openapi.yaml -o ./my-sdk');
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
