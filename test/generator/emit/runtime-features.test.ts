/**
 * The operations file installs the optional runtime features its spec uses (runtime/features.ts),
 * and only those: a spec without oauth2/bearer/digest schemes or streamed responses installs none.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emitOperationsFile, runtimeFeatures } from '../../../generator/emit/operations-file.js';
import type { ApiModel, OperationModel } from '../../../generator/model/index.js';

const op = (kind: string) => ({ success: [{ status: '200', kind }] }) as unknown as OperationModel;

function model(schemes: Record<string, object>, kinds: readonly string[]): ApiModel {
  return { securitySchemes: new Map(Object.entries(schemes)), operations: kinds.map(op) } as unknown as ApiModel;
}

test('each feature follows from the spec: bearer or oauth2, digest, ndjson or sse, multipart', () => {
  assert.deepEqual(runtimeFeatures(model({ key: { type: 'apiKey', in: 'header' } }, ['json', 'binary'])), []);
  assert.deepEqual(runtimeFeatures(model({ token: { type: 'http', scheme: 'bearer' } }, [])), ['oauth2']);
  assert.deepEqual(runtimeFeatures(model({ o: { type: 'oauth2', flows: {} } }, [])), ['oauth2']);
  assert.deepEqual(runtimeFeatures(model({ d: { type: 'http', scheme: 'digest' } }, ['sse'])), [
    'digest',
    'eventStreams',
  ]);
  assert.deepEqual(runtimeFeatures(model({}, ['ndjson'])), ['eventStreams']);
  const upload = { ...model({}, []), operations: [{ success: [], body: { mediaType: 'multipart/form-data' } }] };
  assert.deepEqual(runtimeFeatures(upload as unknown as ApiModel), ['multipart']);
});

test('the install is emitted with its imports, and nothing when the spec needs none', () => {
  const plain = { ...model({}, []), operations: [], clientName: 'Plain', servers: [] } as unknown as ApiModel;
  assert.doesNotMatch(emitOperationsFile(plain, './runtime/index.js'), /installFeatures/);
  const streaming = {
    ...model({ d: { type: 'http', scheme: 'digest' } }, []),
    operations: [],
    clientName: 'Streaming',
    servers: [],
  } as unknown as ApiModel;
  const text = emitOperationsFile(streaming, './runtime/index.js');
  assert.match(text, /import \{ installFeatures \} from '\.\/runtime\/features\.js';/);
  assert.match(text, /import \{ digest \} from '\.\/runtime\/features\/digest\.js';/);
  assert.match(text, /\ninstallFeatures\(\{ digest \}\);\n/);
});
