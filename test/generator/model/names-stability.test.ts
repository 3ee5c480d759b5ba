/**
 * Names stay put across real releases: GitHub's @octokit/openapi 22.0.0 -> 23.0.2 (23 adds
 * pull-request-stacks/* under the tag `pulls`, which used to rename pulls.create/get/list).
 * The documents are fetched with `npm pack` into .cache/octokit-versions/ on first run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePair } from '../../../scripts/names/stability.js';

test('GitHub 22.0.0 -> 23.0.2: no method or params type of an operation in both is renamed', {
  timeout: 600_000,
}, async () => {
  const result = await comparePair('22.0.0', '23.0.2');
  assert.ok(result.common > 1000, `operations in both: ${result.common}`);
  assert.ok(result.added > 100, `operations added: ${result.added}`);
  assert.deepEqual(result.renamedMethods, []);
  assert.deepEqual(result.renamedParamsTypes, []);
});
