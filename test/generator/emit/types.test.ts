/**
 * The SDK's types (docs/types.md), proved on real packages: each fixture under fixtures/types/ is
 * generated, built with tsc --strict, and its consumer (fixtures/types/consumers/) type-checked
 * against it with @ts-expect-error lines for what must not compile. Method names are pinned with
 * config `names`, so the naming rules can change without touching these type tests.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, consumerTsconfig, generateFixture, TMP_ROOT } from './harness.js';
import { REPO_ROOT } from '../model/helpers.js';
import { buildRequest } from '../../../runtime/request/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';

const FIXTURES: Record<string, { spec: string; client: string; names: Record<string, string> }> = {
  fastapi: {
    spec: 'fastapi.json',
    client: 'PartsShop',
    // No names pinned: FastAPI's operationIds are cleaned by the naming rules (docs/names.md).
    names: {},
  },
  'readwrite-3.0': {
    spec: 'readwrite-3.0.yaml',
    client: 'Accounts',
    names: { createUser: 'users.create', listUsers: 'users.list', replaceUser: 'users.replace' },
  },
  'readwrite-3.1': { spec: 'readwrite-3.1.yaml', client: 'Accounts', names: { createUser: 'users.create' } },
  'shared-names': {
    spec: 'shared-names.yaml',
    client: 'Directory',
    names: { getUser: 'users.get', updateUser: 'users.update' },
  },
  compositions: {
    spec: 'compositions.yaml',
    client: 'Shelter',
    names: { createPet: 'pets.create', getCause: 'causes.get', createEdition: 'editions.create' },
  },
  recursive: {
    spec: 'recursive.yaml',
    client: 'Catalog',
    names: {
      createCategory: 'categories.create',
      listCategories: 'categories.list',
      replaceTree: 'categories.replaceTree',
    },
  },
};

/** One project for every consumer: one tsc start instead of five. */
const CONSUMER_FILES = Object.keys(FIXTURES).map((name) => `../types-${name}/consumer.ts`);

describe('types of the fixtures/types SDKs', () => {
  const dirs = new Map<string, string>();
  before(async () => {
    for (const [name, f] of Object.entries(FIXTURES)) {
      const dir = join(TMP_ROOT, `types-${name}`);
      await generateFixture(`fixtures/types/${f.spec}`, `types-${name}/sdk`, {
        client: { name: f.client },
        names: f.names,
      });
      copyFileSync(resolve(REPO_ROOT, `fixtures/types/consumers/${name}.ts`), join(dir, 'consumer.ts'));
      dirs.set(name, dir);
    }
    mkdirSync(join(TMP_ROOT, 'types-consumers'), { recursive: true });
    writeFileSync(join(TMP_ROOT, 'types-consumers/tsconfig.json'), JSON.stringify(consumerTsconfig(CONSUMER_FILES)));
  });

  for (const name of Object.keys(FIXTURES)) {
    test(`${name}: the package builds under strict`, () => {
      const result = compile(join(dirs.get(name)!, 'sdk'));
      assert.equal(result.output.trim(), '');
      assert.equal(result.status, 0);
    });
  }

  test('every consumer: the right calls compile and the wrong ones do not', () => {
    const result = compile(join(TMP_ROOT, 'types-consumers'));
    // An unused @ts-expect-error is itself an error, so a clean build proves every wrong call fails.
    assert.equal(result.output.trim(), '');
    assert.equal(result.status, 0);
  });

  test('shared-names: both parameters of one name reach the wire from their own keys', async () => {
    const url = pathToFileURL(join(dirs.get('shared-names')!, 'sdk/src/operations.ts')).href;
    const { operations } = (await import(url)) as { operations: Record<string, OperationDescriptor> };
    const get = buildRequest(operations.getUser!, { id: 'u1', queryId: 3, 'X-Trace': 'q', headerXTrace: 'h' });
    assert.equal(get.path, '/users/u1');
    assert.equal(get.query, 'id=3&X-Trace=q');
    assert.equal(get.headers['X-Trace'], 'h');
    const update = buildRequest(operations.updateUser!, { id: 'u1', name: 'old', body: { name: 'new' } });
    assert.equal(update.query, 'name=old');
    assert.equal(update.body?.contentType, 'application/json');
  });
});
