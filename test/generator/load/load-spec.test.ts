import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '../../../generator/load/index.js';
import { InputError, type LoadedSpec } from '../../../generator/types.js';
import { REPO_ROOT, scratchDir } from '../cli/run-cli.js';

const fixture = (name: string) => join(REPO_ROOT, 'fixtures', name);
const scratch = scratchDir('load-spec');
after(() => scratch.cleanup());

async function loadError(path: string, allowRemoteRefs = false): Promise<InputError> {
  try {
    await loadSpec(path, { allowRemoteRefs });
  } catch (error) {
    assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${path} to be refused`);
}

/** Every $ref in the document, with the pointer of the object holding it. */
function refsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsOf(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

function schemas(spec: LoadedSpec): Record<string, Record<string, unknown>> {
  return (spec.document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
}

describe('loadSpec: good fixtures', () => {
  test('petstore (3.0 YAML) loads with positions', async () => {
    const spec = await loadSpec(fixture('petstore.yaml'), { allowRemoteRefs: false });
    assert.equal(spec.originalVersion, '3.0');
    assert.equal(spec.document.info.title, 'Pet Store');
    assert.equal(spec.sourcePath, fixture('petstore.yaml'));
    const location = spec.locate('/paths/~1pets/get/operationId');
    assert.deepEqual(location, { file: fixture('petstore.yaml'), line: 25, col: 20 });
  });

  test('3.1 JSON keeps type arrays, const and the discriminator', async () => {
    const spec = await loadSpec(fixture('api-3.1.json'), { allowRemoteRefs: false });
    assert.equal(spec.originalVersion, '3.1');
    const cat = schemas(spec).Cat as { properties: Record<string, unknown> };
    assert.deepEqual(cat.properties.nickname, { type: ['string', 'null'] });
    assert.deepEqual(cat.properties.kind, { const: 'cat' });
    assert.deepEqual(spec.locate('/components/schemas/Cat/properties/kind'), {
      file: fixture('api-3.1.json'),
      line: 104,
      col: 11,
    });
  });

  test('Swagger 2.0 is upgraded to 3.0; unchanged nodes keep their position', async () => {
    const spec = await loadSpec(fixture('swagger-2.0.yaml'), { allowRemoteRefs: false });
    assert.equal(spec.originalVersion, '2.0');
    assert.match(spec.document.openapi, /^3\.0/);
    const upload = (
      spec.document.paths!['/files'] as Record<string, { requestBody: { content: Record<string, unknown> } }>
    ).post;
    assert.ok(upload.requestBody.content['multipart/form-data'], 'formData became a multipart body');
    const list = (
      spec.document.paths!['/files'] as Record<
        string,
        { parameters: { name: string; style?: string; explode?: boolean }[] }
      >
    ).get;
    const ids = list.parameters.find((p) => p.name === 'ids')!;
    assert.equal(ids.explode, false, 'collectionFormat csv -> explode: false');
    assert.deepEqual(spec.document.components?.securitySchemes, { basicAuth: { type: 'http', scheme: 'basic' } });
    assert.ok(refsOf(spec.document).every((ref) => ref.startsWith('#/components/')));
    assert.deepEqual(spec.locate('/paths/~1files/get/operationId'), {
      file: fixture('swagger-2.0.yaml'),
      line: 20,
      col: 20,
    });
    assert.deepEqual(spec.locate('/components/schemas/FileInfo'), {
      file: fixture('swagger-2.0.yaml'),
      line: 76,
      col: 3,
    });
    assert.equal(spec.locate('/paths/~1files/post/requestBody'), undefined, 'created by the upgrade');
  });

  test('multi-file: relative refs bundled into components, only internal refs left', async () => {
    const spec = await loadSpec(fixture('multi-file/openapi.yaml'), { allowRemoteRefs: false });
    const refs = refsOf(spec.document);
    assert.ok(refs.length > 5);
    for (const ref of refs) assert.match(ref, /^#\//);
    assert.deepEqual(Object.keys(schemas(spec)).sort(), ['Category', 'Error', 'Money', 'Product']);
    // The recursive category (`./category.yaml` and `#` inside it) stays recursive.
    const category = schemas(spec).Category as { properties: { parent: unknown; children: { items: unknown } } };
    assert.deepEqual(category.properties.parent, { $ref: '#/components/schemas/Category' });
    assert.deepEqual(category.properties.children.items, { $ref: '#/components/schemas/Category' });
    assert.deepEqual(Object.keys(spec.document.components?.parameters as object), ['LimitParam']);
    // Positions point into the file each node came from.
    assert.deepEqual(spec.locate('/paths/~1products/get/operationId'), {
      file: fixture('multi-file/paths/products.yaml'),
      line: 2,
      col: 16,
    });
    assert.deepEqual(spec.locate('/components/schemas/Money/properties/currency/pattern'), {
      file: fixture('multi-file/schemas/money.yaml'),
      line: 9,
      col: 14,
    });
  });

  test('hostile names load untouched, without polluting prototypes', async () => {
    const spec = await loadSpec(fixture('hostile.yaml'), { allowRemoteRefs: false });
    const user = schemas(spec).User as { properties: Record<string, unknown> };
    assert.ok(Object.prototype.hasOwnProperty.call(user.properties, '__proto__'));
    assert.ok('' in user.properties);
    assert.ok(schemas(spec).user && schemas(spec).User, 'User and user both kept');
    assert.equal(({} as Record<string, unknown>).type, undefined);
  });
});

describe('loadSpec: bundling edge cases', () => {
  test('same file name in two folders gets distinct, stable names', async () => {
    const dir = join(scratch.path, 'collide');
    mkdirSync(join(dir, 'v1'), { recursive: true });
    mkdirSync(join(dir, 'v2'), { recursive: true });
    writeFileSync(join(dir, 'v1/pet.yaml'), 'type: object\nproperties: { a: { type: string } }\n');
    writeFileSync(join(dir, 'v2/pet.yaml'), 'type: object\nproperties: { b: { type: string } }\n');
    const ok = (ref: string) => ({
      '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } },
    });
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { operationId: 'a', responses: ok('./v1/pet.yaml') } },
        '/b': { get: { operationId: 'b', responses: ok('./v2/pet.yaml') } },
      },
    };
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    const first = await loadSpec(join(dir, 'openapi.json'), { allowRemoteRefs: false });
    const second = await loadSpec(join(dir, 'openapi.json'), { allowRemoteRefs: false });
    assert.deepEqual(Object.keys(schemas(first)), ['Pet', 'V2Pet']);
    assert.deepEqual(first.document, second.document);
  });

  test('path items that include each other are refused at the closing $ref', async () => {
    const dir = join(scratch.path, 'cycle');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'openapi.yaml'),
      'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    $ref: ./item.yaml\n',
    );
    writeFileSync(join(dir, 'item.yaml'), '# forwards\n$ref: ./other.yaml\n');
    writeFileSync(join(dir, 'other.yaml'), '$ref: ./item.yaml\n');
    const error = await loadError(join(dir, 'openapi.yaml'));
    assert.match(error.message, /circular/);
    assert.deepEqual(error.details.location, { file: join(dir, 'other.yaml'), line: 1, col: 7 });
  });

  test('an unresolvable ref inside an external file points into that file', async () => {
    const dir = join(scratch.path, 'dangling');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'openapi.yaml'),
      'openapi: 3.0.3\ninfo: { title: t, version: "1" }\ncomponents:\n  schemas:\n    A:\n      $ref: ./a.yaml\n',
    );
    writeFileSync(join(dir, 'a.yaml'), 'type: object\nproperties:\n  b:\n    $ref: "#/definitions/Missing"\n');
    const error = await loadError(join(dir, 'openapi.yaml'));
    assert.deepEqual(error.details.location, { file: join(dir, 'a.yaml'), line: 4, col: 11 });
  });
});

describe('loadSpec: remote refs', () => {
  test('refused by default, without any request', async () => {
    const error = await loadError(fixture('bad/remote-ref.yaml'));
    assert.match(error.details.hint ?? '', /--allow-remote-refs/);
  });

  test('fetched with allowRemoteRefs, from a local server', async () => {
    let requests = 0;
    const server = createServer((request, response) => {
      requests += 1;
      if (request.url === '/pet.yaml')
        response.end('Pet:\n  type: object\n  properties:\n    name: { type: string }\n');
      else response.writeHead(404).end();
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      const dir = join(scratch.path, 'remote');
      mkdirSync(dir, { recursive: true });
      const spec = `openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /p:\n    get:\n      operationId: p\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "http://127.0.0.1:${port}/pet.yaml#/Pet"\n`;
      writeFileSync(join(dir, 'openapi.yaml'), spec);
      const loaded = await loadSpec(join(dir, 'openapi.yaml'), { allowRemoteRefs: true });
      assert.deepEqual(Object.keys(schemas(loaded)), ['Pet']);
      assert.equal(requests, 1);
      writeFileSync(join(dir, 'missing.yaml'), spec.replace('/pet.yaml', '/nope.yaml'));
      const error = await loadError(join(dir, 'missing.yaml'), true);
      assert.match(error.message, /HTTP 404/);
      assert.equal(error.details.location?.line, 13);
    } finally {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });
});

describe('loadSpec: refusals', () => {
  test('openapi 3.2 is named, with what to do', async () => {
    const dir = join(scratch.path, 'v32');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.yaml'), 'openapi: 3.2.0\ninfo: { title: t, version: "1" }\npaths: {}\n');
    const error = await loadError(join(dir, 'a.yaml'));
    assert.match(error.message, /3\.2\.0/);
    assert.match(error.details.hint ?? '', /3\.1/);
  });

  test('missing info.title is located', async () => {
    const dir = join(scratch.path, 'notitle');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.yaml'), 'openapi: 3.0.3\ninfo:\n  version: "1"\npaths: {}\n');
    const error = await loadError(join(dir, 'a.yaml'));
    assert.match(error.message, /info\.title/);
    assert.equal(error.details.location?.line, 2);
  });
});
