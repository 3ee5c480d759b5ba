import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../generator/model/index.js';
import type { ApiModel } from '../../../generator/model/index.js';
import { CLIENT_MEMBER_NAMES } from '../../../generator/model/reserved-names.js';
import { configFor, doc, loadFixture, specFromDocument } from './helpers.js';

const ok = { '200': { description: 'ok' } };
const op = (extra: Record<string, unknown>) => ({ responses: ok, ...extra });

function model(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): ApiModel {
  return buildModel(specFromDocument(doc(paths, extra)), configFor());
}

function methodsOf(m: ApiModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of m.operations) out[o.id] = `${o.resource ?? '<root>'}.${o.methodName}`;
  return out;
}

/** A deterministic permutation (LCG), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('method and resource names', () => {
  test('GitHub-style operationIds use the last segment, tags give the resource', () => {
    const m = model({
      '/repos/{owner}/{repo}/issues': {
        get: op({ operationId: 'issues/list-for-repo', tags: ['issues'] }),
        post: op({ operationId: 'issues/create', tags: ['issues'] }),
      },
      '/orgs/{org}/code-scanning/alerts': {
        get: op({ operationId: 'code-scanning/list-alerts-for-org', tags: ['code-scanning'] }),
      },
    });
    assert.deepEqual(methodsOf(m), {
      'issues/list-for-repo': 'issues.listForRepo',
      'issues/create': 'issues.create',
      'code-scanning/list-alerts-for-org': 'codeScanning.listAlertsForOrg',
    });
    assert.deepEqual(
      m.resources.map((r) => [r.propertyName, r.className, r.fileName]),
      [
        ['codeScanning', 'CodeScanning', 'code-scanning'],
        ['issues', 'Issues', 'issues'],
      ],
    );
  });

  test('a lone verb plus the resource name shortens to the verb', () => {
    const m = model({
      '/pets': {
        get: op({ operationId: 'listPets', tags: ['pets'] }),
        post: op({ operationId: 'createPet', tags: ['pets'] }),
      },
      '/pets/feed': { post: op({ operationId: 'feedAllPets', tags: ['pets'] }) },
    });
    assert.deepEqual(methodsOf(m), {
      listPets: 'pets.list',
      createPet: 'pets.create',
      feedAllPets: 'pets.feedAllPets',
    });
    assert.deepEqual(m.operations.map((o) => o.paramsTypeName).sort(), [
      'CreatePetParams',
      'FeedAllPetsParams',
      'ListPetsParams',
    ]);
  });

  test('no operationId: method + path, parameters as By<Name>', () => {
    const m = model({ '/pets/{petId}': { get: op({}) }, '/': { get: op({}) } });
    assert.deepEqual(methodsOf(m), { 'GET /pets/{petId}': '<root>.getPetsByPetId', 'GET /': '<root>.getRoot' });
    assert.equal(m.operations.find((o) => o.path === '/pets/{petId}')!.key, 'getPetsByPetId');
  });

  test('collisions fall back to names derived from the spec, never numeric suffixes', () => {
    const m = model({
      '/users/{id}': { get: op({ operationId: 'get_user', tags: ['users'] }) },
      '/users': { get: op({ operationId: 'getUser', tags: ['users'] }) },
      '/people': { get: op({ operationId: 'listUsers', tags: ['users'] }) },
      '/a': { get: op({ operationId: 'admin/list', tags: ['users'] }) },
      '/b': { get: op({ operationId: 'billing/list', tags: ['users'] }) },
    });
    assert.deepEqual(methodsOf(m), {
      get_user: 'users.get',
      // Both are a collection GET of `users` by HTTP semantics: neither takes `list`.
      getUser: 'users.getUser',
      listUsers: 'users.listUsers',
      'admin/list': 'users.adminList',
      'billing/list': 'users.billingList',
    });
    for (const name of Object.values(methodsOf(m))) assert.doesNotMatch(name, /\d$/);
  });

  test('names do not depend on declaration order (paths shuffled)', () => {
    const fixture = loadFixture('fixtures/hostile.yaml');
    const base = buildModel(fixture, configFor());
    const entries = Object.entries(fixture.document.paths!);
    const schemaEntries = Object.entries((fixture.document.components as { schemas: Record<string, unknown> }).schemas);
    for (let seed = 1; seed <= 5; seed++) {
      const document = {
        ...fixture.document,
        paths: Object.fromEntries(shuffled(entries, seed)),
        components: {
          ...fixture.document.components,
          schemas: Object.fromEntries(shuffled(schemaEntries, seed + 100)),
        },
      };
      const again = buildModel(specFromDocument(document), configFor());
      assert.deepEqual(methodsOf(again), methodsOf(base), `seed ${seed}`);
      assert.deepEqual(again.models, base.models, `seed ${seed}`);
      assert.deepEqual(
        again.resources.map((r) => r.fileName),
        base.resources.map((r) => r.fileName),
      );
    }
  });

  test('hostile names become valid, unique identifiers', () => {
    const m = buildModel(loadFixture('fixtures/hostile.yaml'), configFor());
    const identifier = /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u;
    for (const o of m.operations) {
      assert.match(o.methodName, identifier);
      assert.match(o.key, identifier);
      assert.match(o.paramsTypeName, identifier);
      assert.ok(!['constructor', '__proto__', 'toString', 'prototype'].includes(o.methodName), o.methodName);
    }
    for (const r of m.resources) {
      assert.match(r.propertyName, identifier);
      assert.match(r.className, identifier);
      assert.match(r.fileName, /^[a-z0-9-]+$/);
    }
    const files = m.resources.map((r) => r.fileName.toLowerCase());
    assert.equal(new Set(files).size, files.length);
    const models = new Map(m.models.map((x) => [x.schemaName, x.name]));
    assert.equal(models.get('User'), 'User');
    assert.equal(models.get('user'), 'user');
    for (const shadowing of ['File', 'Blob', 'Error', 'Date', 'Response', 'Headers']) {
      assert.equal(models.get(shadowing), `${shadowing}Model`);
    }
    assert.match(models.get('')!, identifier);
    assert.match(models.get('123start')!, identifier);
    assert.equal(models.get('my-schema.v2 beta'), 'MySchemaV2Beta');
    const all = [
      ...models.values(),
      ...m.operations.map((o) => o.paramsTypeName),
      ...m.resources.map((r) => r.className),
    ];
    assert.equal(new Set(all).size, all.length, 'exported type names are unique');
  });

  test('root methods and resources never shadow runtime Client members', () => {
    const m = model({
      '/request': { post: op({ operationId: 'request' }) },
      '/close': { post: op({ operationId: 'close' }) },
      '/x': { get: op({ operationId: 'x', tags: ['withOptions'] }) },
      '/y': { get: op({ operationId: 'pets', tags: ['close'] }) },
    });
    const clientLevel = [...m.rootOperations.map((o) => o.methodName), ...m.resources.map((r) => r.propertyName)];
    for (const name of clientLevel) assert.ok(!CLIENT_MEMBER_NAMES.includes(name), name);
    assert.equal(new Set(clientLevel).size, clientLevel.length);
    assert.deepEqual(m.rootOperations.map((o) => o.methodName).sort(), ['postClose', 'postRequest']);
  });

  test('x-sdk-name, x-sdk-group and config names override', () => {
    const spec = specFromDocument(
      doc({
        '/a': { get: op({ operationId: 'a', tags: ['t'], 'x-sdk-name': 'fetchA', 'x-sdk-group': 'letters' }) },
        '/b': { get: op({ operationId: 'b', tags: ['t'] }) },
      }),
    );
    const m = buildModel(spec, configFor({ names: { b: 'numbers.fetchB' } }));
    assert.deepEqual(methodsOf(m), { a: 'letters.fetchA', b: 'numbers.fetchB' });
  });

  test('two explicit names that collide are an input error', () => {
    const spec = specFromDocument(
      doc({
        '/a': { get: op({ operationId: 'a', 'x-sdk-name': 'same' }) },
        '/b': { get: op({ operationId: 'b', 'x-sdk-name': 'same' }) },
      }),
    );
    assert.throws(() => buildModel(spec, configFor()), { name: 'InputError', message: /both named "same"/ });
  });

  test('duplicate operationIds are refused with a pointer', () => {
    const spec = specFromDocument(
      doc({ '/a': { get: op({ operationId: 'dup' }) }, '/b': { get: op({ operationId: 'dup' }) } }),
    );
    assert.throws(
      () => buildModel(spec, configFor()),
      (err: Error & { details?: { pointer?: string } }) => {
        assert.equal(err.name, 'InputError');
        assert.equal(err.details?.pointer, '/paths/~1b/get/operationId');
        return true;
      },
    );
  });
});
