/**
 * `$ref` is a reference only where a keyword can stand: inside `properties` (and other name maps)
 * it is a property's name, as in SCIM, Kubernetes' JSONSchemaProps and JSON Schema meta-schemas.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSpec } from '../../../generator/load/index.js';

const dir = resolve(import.meta.dirname, '../../../.tmp/ref-as-name');
mkdirSync(dir, { recursive: true });
after(() => rmSync(dir, { recursive: true, force: true }));

const schemaProps = {
  type: 'object',
  properties: {
    $ref: { type: 'string', description: 'a property called $ref' },
    id: { type: 'string' },
    nested: { $ref: '#/components/schemas/Other' },
  },
};

function write(name: string, document: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(document));
  return path;
}

test('a property named $ref loads, and real refs beside it are still checked', async () => {
  const path = write('ok.json', {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {},
    components: { schemas: { Props: schemaProps, Other: { type: 'integer' } } },
  });
  const spec = await loadSpec(path, { allowRemoteRefs: false });
  const props = (spec.document.components as { schemas: Record<string, { properties: Record<string, unknown> }> })
    .schemas.Props!;
  assert.deepEqual(props.properties.$ref, { type: 'string', description: 'a property called $ref' });

  const broken = write('broken.json', {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {},
    components: { schemas: { Props: schemaProps } },
  });
  await assert.rejects(loadSpec(broken, { allowRemoteRefs: false }), (err: Error) => {
    assert.match(err.message, /unresolvable \$ref "#\/components\/schemas\/Other"/);
    return true;
  });
});

test('a property named $ref whose schema holds an external ref is bundled', async () => {
  write('other.json', { Other: { type: 'boolean' } });
  const path = write('multi.json', {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {},
    components: { schemas: { Props: { type: 'object', properties: { $ref: { $ref: './other.json#/Other' } } } } },
  });
  const spec = await loadSpec(path, { allowRemoteRefs: false });
  const props = (
    spec.document.components as { schemas: Record<string, { properties: Record<string, { $ref: string }> }> }
  ).schemas.Props!;
  assert.match(props.properties.$ref.$ref, /^#\/components\/schemas\//);
});
