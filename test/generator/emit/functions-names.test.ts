/** src/functions.ts names each operation's function by its key; a key the file uses itself yields. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionName } from '../../../generator/emit/functions-file.js';
import type { OperationModel } from '../../../generator/model/index.js';

const keyed = (key: string) => ({ key }) as OperationModel;

test('an operation keyed createClient (Linode) does not redeclare the core createClient()', () => {
  assert.equal(functionName(keyed('createClient')), 'createClientOperation');
});

test('reserved words get the suffix; ordinary keys stay as they are', () => {
  assert.equal(functionName(keyed('delete')), 'deleteOperation');
  assert.equal(functionName(keyed('reposGet')), 'reposGet');
});
