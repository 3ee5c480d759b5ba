/**
 * Generated packages compile under strict with the repo's tsc, their types reject wrong calls,
 * and importing a hostile spec's SDK runs nothing from the spec.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, consumerTsconfig, generateFixture, TMP_ROOT } from './harness.js';

const FIXTURES = [
  ['fixtures/petstore.yaml', 'build-petstore'],
  ['fixtures/hostile.yaml', 'build-hostile'],
  ['fixtures/link-paginated.yaml', 'build-link-paginated'],
  ['fixtures/api-3.1.json', 'build-api-3.1'],
  ['test/generator/model/specs/malformed-refs.yaml', 'build-malformed-refs'],
] as const;

const CONSUMER = `
import { PetStore, NotFoundError, isDeletePetError, isGetPetError, type Pet, type ListPetsParams } from '../build-petstore/src/index.js';

const client = new PetStore({ baseUrl: 'http://127.0.0.1:1', auth: { bearerAuth: 'token', apiKeyQuery: 'key' }, environment: 'staging' });

export async function correctCalls(): Promise<void> {
  const pet: Pet = await client.pets.get({ petId: 'a/b' });
  const created: Pet = await client.pets.create({ name: 'Rex', tag: 'dog', status: 'available' });
  const params: ListPetsParams = { limit: 10, status: 'sold' };
  for await (const item of client.pets.list(params)) {
    const id: string = item.id;
    void id;
  }
  const page = await client.pets.list();
  void page;
  const nothing: void = await client.pets.delete({ petId: pet.id });
  const counts: Record<string, number> = await client.store.getInventory();
  const { data, response } = await client.pets.get({ petId: created.id }).withResponse();
  void [nothing, counts, data, response, NotFoundError];
  try {
    await client.pets.delete({ petId: 'gone' });
  } catch (err) {
    // The guard narrows a caught error to the declared responses, body typed, without a cast.
    if (isDeletePetError(err)) {
      const status: 404 = err.status;
      const code: 'not_found' = err.body.code;
      void [status, code];
    }
    if (isGetPetError(err) && err.status === 404) {
      const message: string = err.body.message;
      void message;
    }
  }
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error petId is required
  await client.pets.get({});
  // @ts-expect-error the params object itself is required
  await client.pets.get();
  // @ts-expect-error limit is a number
  await client.pets.list({ limit: 'ten' });
  // @ts-expect-error status is an enum
  await client.pets.list({ status: 'lost' });
  // @ts-expect-error name must be a string
  await client.pets.create({ name: 42 });
  // @ts-expect-error name is required in the body
  await client.pets.create({ tag: 'dog' });
  // @ts-expect-error no such body field
  await client.pets.create({ name: 'Rex', colour: 'brown' });
  // @ts-expect-error a Pet has no such field
  const wrong: number = (await client.pets.get({ petId: '1' })).nope;
  // @ts-expect-error environment must be one of the spec's servers
  new PetStore({ environment: 'moon' });
  // @ts-expect-error auth keys are the spec's security schemes
  new PetStore({ auth: { password: 'x' } });
  try {
    await client.store.getInventory();
  } catch (err) {
    // @ts-expect-error a caught error is unknown until a guard narrows it
    void err.body.code;
  }
  // @ts-expect-error an operation without parameters takes only options
  await client.store.getInventory({}, { timeout: { read: 1000 } });
  void wrong;
}
`;

describe('generated packages build under strict', () => {
  const outDirs = new Map<string, string>();
  before(async () => {
    for (const [fixture, name] of FIXTURES) outDirs.set(name, (await generateFixture(fixture, name)).outDir);
  });

  for (const [fixture, name] of FIXTURES) {
    test(`${fixture} compiles with zero errors`, () => {
      const result = compile(outDirs.get(name)!);
      assert.equal(result.output.trim(), '');
      assert.equal(result.status, 0);
    });
  }

  test('type tests: correct calls compile, wrong ones are errors', () => {
    const dir = join(TMP_ROOT, 'consumer');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(consumerTsconfig(['consumer.ts'])));
    const result = compile(dir);
    // An unused @ts-expect-error is itself an error, so a clean build proves every wrong call fails.
    assert.equal(result.output.trim(), '');
    assert.equal(result.status, 0);
  });

  test("importing the built hostile SDK runs none of the spec's strings", async () => {
    const root = globalThis as { __pwned?: unknown };
    assert.equal(root.__pwned, undefined);
    const sdk = (await import(pathToFileURL(join(outDirs.get('build-hostile')!, 'dist/index.node.js')).href)) as Record<
      string,
      unknown
    >;
    assert.equal(typeof sdk.PetStore, 'function');
    const Client = sdk.PetStore as new (options: object) => Record<string, unknown>;
    const client = new Client({ baseUrl: 'http://127.0.0.1:1' });
    assert.equal(typeof (client.class as Record<string, unknown>).delete, 'function');
    assert.equal(typeof (client.userProfile as Record<string, unknown>).getProfileByIdToString, 'function');
    await (client.close as () => Promise<void>)();
    assert.equal(root.__pwned, undefined);
  });
});
