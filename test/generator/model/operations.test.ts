import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../generator/model/index.js';
import type { OperationModel } from '../../../generator/model/index.js';
import type { SdkgenConfig } from '../../../generator/types.js';
import { configFor, doc, specFromDocument } from './helpers.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = { '200': { description: 'ok', ...json({ type: 'object' }) } };

function only(
  paths: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  config: Partial<SdkgenConfig> = {},
): OperationModel {
  const m = buildModel(specFromDocument(doc(paths, extra)), configFor(config));
  assert.equal(m.operations.length, 1);
  return m.operations[0]!;
}

describe('parameters', () => {
  test('path-item and operation parameters merge; the operation overrides same name + in', () => {
    const o = only({
      '/pets/{id}': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'item level' },
          { name: 'id', in: 'query', schema: { type: 'string' } },
          { name: 'trace', in: 'header', schema: { type: 'string' } },
        ],
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, description: 'op level' },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          responses: ok,
        },
      },
    });
    assert.deepEqual(
      o.params.map((p) => `${p.in}:${p.name}:${p.description ?? ''}`),
      ['path:id:op level', 'query:id:', 'header:trace:', 'query:limit:'],
    );
  });

  test('style and explode default per location; path params are always required', () => {
    const o = only({
      '/x/{p}': {
        get: {
          parameters: [
            { name: 'p', in: 'path', schema: { type: 'string' } },
            { name: 'q', in: 'query', schema: { type: 'array' } },
            { name: 'h', in: 'header', schema: { type: 'string' } },
            { name: 'c', in: 'cookie', schema: { type: 'string' } },
            { name: 'd', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
            { name: 's', in: 'query', style: 'form', explode: false, allowReserved: true, schema: { type: 'array' } },
          ],
          responses: ok,
        },
      },
    });
    assert.deepEqual(
      o.params.map((p) => [p.name, p.style, p.explode, p.required, p.allowReserved ?? false]),
      [
        ['p', 'simple', false, true, false],
        ['q', 'form', true, false, false],
        ['h', 'simple', false, false, false],
        ['c', 'form', true, false, false],
        ['d', 'deepObject', true, false, false],
        ['s', 'form', false, false, true],
      ],
    );
  });

  test('$ref parameters resolve, including a ref into another operation under #/paths', () => {
    const o = only(
      {
        '/a': {
          get: {
            parameters: [{ $ref: '#/components/parameters/Limit' }, { $ref: '#/paths/~1b/parameters/0' }],
            responses: ok,
          },
        },
        '/b': { parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }] },
      },
      { components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } } } },
    );
    assert.deepEqual(
      o.params.map((p) => p.name),
      ['limit', 'cursor'],
    );
  });

  test('an unresolvable $ref is an InputError at the $ref', () => {
    const spec = specFromDocument(
      doc({ '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }], responses: ok } } }),
    );
    assert.throws(
      () => buildModel(spec, configFor()),
      (err: Error & { details?: { pointer?: string } }) => {
        assert.equal(err.name, 'InputError');
        assert.equal(err.details?.pointer, '/paths/~1a/get/parameters/0/$ref');
        return true;
      },
    );
  });
});

describe('request bodies', () => {
  const pet = { type: 'object', properties: { name: { type: 'string' }, tag: { type: 'string' } } };
  test('a plain object body is flat, with its property names', () => {
    const o = only({ '/pets': { post: { requestBody: { required: true, ...json(pet) }, responses: ok } } });
    assert.deepEqual([o.body?.placement, o.body?.properties, o.paramsRequired], ['flat', ['name', 'tag'], true]);
  });

  test('allOf objects are flat; arrays, unions and open objects go under body', () => {
    const flat = only({
      '/a': {
        post: {
          requestBody: json({ allOf: [pet, { type: 'object', properties: { age: { type: 'integer' } } }] }),
          responses: ok,
        },
      },
    });
    assert.deepEqual([flat.body?.placement, flat.body?.properties], ['flat', ['name', 'tag', 'age']]);
    for (const schema of [
      { type: 'array', items: pet },
      { oneOf: [pet, { type: 'string' }] },
      { type: 'string' },
      { type: 'object', additionalProperties: { type: 'string' } },
    ]) {
      const o = only({ '/a': { post: { requestBody: json(schema), responses: ok } } });
      assert.equal(o.body?.placement, 'body', JSON.stringify(schema));
    }
  });

  test('a body property colliding with a parameter name moves the body under body', () => {
    const o = only({
      '/pets/{name}': {
        put: { parameters: [{ name: 'name', in: 'path', required: true }], requestBody: json(pet), responses: ok },
      },
    });
    assert.equal(o.body?.placement, 'body');
  });

  test('a body that must go under `body` while a parameter is named body is an InputError', () => {
    const spec = specFromDocument(
      doc({
        '/a': {
          post: { parameters: [{ name: 'body', in: 'query' }], requestBody: json({ type: 'array' }), responses: ok },
        },
      }),
    );
    assert.throws(() => buildModel(spec, configFor()), { name: 'InputError', message: /already named "body"/ });
  });

  test('media type preference: JSON, then form, multipart, octet-stream, text', () => {
    const schema = { schema: pet };
    const pick = (types: string[]) =>
      only({
        '/a': { post: { requestBody: { content: Object.fromEntries(types.map((t) => [t, schema])) }, responses: ok } },
      }).body?.mediaType;
    assert.equal(pick(['text/plain', 'multipart/form-data', 'application/json']), 'application/json');
    assert.equal(
      pick(['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded']),
      'application/x-www-form-urlencoded',
    );
    assert.equal(pick(['text/plain', 'application/octet-stream', 'multipart/form-data']), 'multipart/form-data');
    assert.equal(pick(['text/plain', 'application/octet-stream']), 'application/octet-stream');
    const binary = only({
      '/a': {
        post: {
          requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: ok,
        },
      },
    });
    assert.deepEqual([binary.body?.placement, binary.body?.binary], ['body', true]);
  });

  test('multipart file properties are marked as uploads', () => {
    const o = only({
      '/up': {
        post: {
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } },
                },
                encoding: { file: { contentType: 'image/png' } },
              },
            },
          },
          responses: ok,
        },
      },
    });
    assert.deepEqual(
      [o.body?.placement, o.body?.binaryProperties, o.body?.encoding],
      ['flat', ['file'], { file: { contentType: 'image/png' } }],
    );
  });
});

describe('responses', () => {
  test('success kinds, 204 as empty, Accept with JSON first', () => {
    const o = only(
      {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'text/csv': { schema: { type: 'string' } },
                  'application/json': { schema: { $ref: '#/components/schemas/Pet' } },
                },
              },
              '204': { description: 'none', content: { 'application/json': {} } },
              '404': { description: 'nf', ...json({ $ref: '#/components/schemas/Err' }) },
            },
          },
        },
      },
      { components: { schemas: { Pet: { type: 'object' }, Err: { type: 'object' } } } },
    );
    assert.deepEqual(o.success, [
      {
        status: '200',
        kind: 'json',
        mediaType: 'application/json',
        schemaName: 'Pet',
        schemaPointer: '/paths/~1a/get/responses/200/content/application~1json/schema',
        schema: { $ref: '#/components/schemas/Pet' },
      },
      { status: '204', kind: 'empty' },
    ]);
    assert.equal(o.accept, 'application/json, text/csv');
    assert.deepEqual(o.errors, [
      { status: '404', mediaType: 'application/json', schemaName: 'Err', schema: { $ref: '#/components/schemas/Err' } },
    ]);
  });

  test('binary, text, ndjson and sse kinds', () => {
    const kind = (mediaType: string) =>
      only({ '/a': { get: { responses: { '200': { description: 'x', content: { [mediaType]: {} } } } } } }).success[0]!
        .kind;
    assert.deepEqual(
      ['image/png', 'text/plain', 'application/x-ndjson', 'text/event-stream', 'application/vnd.api+json'].map(kind),
      ['binary', 'text', 'ndjson', 'sse', 'json'],
    );
  });
});

describe('pagination', () => {
  const link = { headers: { Link: { schema: { type: 'string' } } } };
  test('a Link header on an array body pages the body', () => {
    const o = only({
      '/a': {
        get: {
          responses: { '200': { description: 'x', ...link, ...json({ type: 'array', items: { type: 'object' } }) } },
        },
      },
    });
    assert.deepEqual(o.pagination, { style: 'link' });
  });

  test('a Link header on an object with exactly one array property pages that property', () => {
    const body = {
      type: 'object',
      properties: { total_count: { type: 'integer' }, workflow_runs: { type: 'array', items: {} } },
    };
    const o = only({ '/a': { get: { responses: { '200': { description: 'x', ...link, ...json(body) } } } } });
    assert.deepEqual(o.pagination, { style: 'link', items: '$.workflow_runs' });
    const two = { type: 'object', properties: { a: { type: 'array' }, b: { type: 'array' } } };
    assert.equal(
      only({ '/a': { get: { responses: { '200': { description: 'x', ...link, ...json(two) } } } } }).pagination,
      undefined,
    );
  });

  test('no Link header, no pagination; x-sdk-pagination and config declare other styles', () => {
    assert.equal(
      only({ '/a': { get: { responses: { '200': { description: 'x', ...json({ type: 'array' }) } } } } }).pagination,
      undefined,
    );
    const ext = only({
      '/a': {
        get: {
          operationId: 'a',
          'x-sdk-pagination': { style: 'cursor', param: 'after', next: '$.next', items: '$.data' },
          responses: ok,
        },
      },
    });
    assert.deepEqual(ext.pagination, { style: 'cursor', param: 'after', next: '$.next', items: '$.data' });
    const cfg = only(
      { '/a': { get: { operationId: 'listOrders', responses: ok } } },
      {},
      { pagination: { listOrders: { style: 'offset', param: 'offset', limitParam: 'limit' } } },
    );
    assert.deepEqual(cfg.pagination, { style: 'offset', param: 'offset', limitParam: 'limit' });
  });

  test('an incomplete x-sdk-pagination is an InputError', () => {
    const spec = specFromDocument(doc({ '/a': { get: { 'x-sdk-pagination': { style: 'cursor' }, responses: ok } } }));
    assert.throws(() => buildModel(spec, configFor()), { name: 'InputError', message: /needs `param`/ });
  });
});

describe('idempotency, retry, timeout', () => {
  test('a declared Idempotency-Key header marks the operation and leaves the params', () => {
    const o = only({
      '/c': { post: { parameters: [{ name: 'Idempotency-Key', in: 'header', required: true }], responses: ok } },
    });
    assert.deepEqual(
      [o.idempotent, o.idempotencyHeader, o.params.length, o.paramsRequired],
      [true, undefined, 0, false],
    );
  });

  test('x-sdk-idempotent and config idempotency', () => {
    assert.equal(only({ '/c': { post: { 'x-sdk-idempotent': true, responses: ok } } }).idempotent, true);
    assert.equal(only({ '/c': { post: { responses: ok } } }).idempotent, undefined);
    const all = only({ '/c': { post: { responses: ok } } }, {}, { idempotency: { header: 'X-Request-Key' } });
    assert.deepEqual([all.idempotent, all.idempotencyHeader], [true, 'X-Request-Key']);
    const listed = only(
      { '/c': { post: { operationId: 'other', responses: ok } } },
      {},
      { idempotency: { header: 'Idempotency-Key', operations: ['charge'] } },
    );
    assert.equal(listed.idempotent, undefined);
  });

  test('x-sdk-retry and x-sdk-timeout', () => {
    const o = only({
      '/c': { get: { 'x-sdk-retry': { maxRetries: 0 }, 'x-sdk-timeout': { read: '5s', total: 30000 }, responses: ok } },
    });
    assert.deepEqual([o.retry, o.timeout], [{ maxRetries: 0 }, { read: 5000, total: 30000 }]);
    assert.deepEqual(only({ '/c': { get: { 'x-sdk-timeout': '2m', responses: ok } } }).timeout, { total: 120000 });
  });
});

describe('security', () => {
  const components = {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      oauth: {
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl: 'https://t.example/token', scopes: { b: '', a: '' } } },
      },
    },
  };
  test('schemes become descriptors with env names; global and per-operation security', () => {
    const m = buildModel(
      specFromDocument(
        doc(
          {
            '/a': { get: { responses: ok } },
            '/b': { get: { security: [], responses: ok } },
            '/c': { get: { security: [{ apiKey: [], bearerAuth: [] }, {}], responses: ok } },
          },
          { components, security: [{ bearerAuth: [] }] },
        ),
      ),
      configFor(),
    );
    assert.deepEqual(m.securitySchemes.get('bearerAuth'), {
      type: 'http',
      scheme: 'bearer',
      env: 'PET_STORE_BEARER_AUTH',
    });
    assert.deepEqual(m.securitySchemes.get('apiKey'), {
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
      env: 'PET_STORE_API_KEY',
    });
    assert.deepEqual(m.securitySchemes.get('oauth'), {
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: 'https://t.example/token', scopes: ['a', 'b'] } },
      env: 'PET_STORE_OAUTH',
    });
    assert.deepEqual(m.security, [['bearerAuth']]);
    const byPath = new Map(m.operations.map((o) => [o.path, o.security]));
    assert.equal(byPath.get('/a'), undefined);
    assert.deepEqual(byPath.get('/b'), []);
    assert.deepEqual(byPath.get('/c'), [['apiKey', 'bearerAuth'], []]);
  });

  test('a requirement naming an unknown scheme is an InputError', () => {
    const spec = specFromDocument(doc({ '/a': { get: { security: [{ nope: [] }], responses: ok } } }, { components }));
    assert.throws(() => buildModel(spec, configFor()), { name: 'InputError', message: /unknown scheme "nope"/ });
  });
});

describe('servers', () => {
  test('environment names from x-sdk-name, short descriptions, or the index; variables kept', () => {
    const m = buildModel(
      specFromDocument(
        doc(
          {},
          {
            servers: [
              { url: 'https://api.example.com', description: 'production' },
              {
                url: 'https://{region}.example.com',
                'x-sdk-name': 'regional',
                variables: { region: { default: 'eu', enum: ['eu', 'us'] } },
              },
              { url: 'https://old.example.com', description: 'The legacy server that will be retired next year' },
            ],
          },
        ),
      ),
      configFor(),
    );
    assert.deepEqual(m.servers, [
      { url: 'https://api.example.com', name: 'production' },
      {
        url: 'https://{region}.example.com',
        name: 'regional',
        variables: { region: { default: 'eu', enum: ['eu', 'us'] } },
      },
      { url: 'https://old.example.com', name: 'server2' },
    ]);
  });
});
