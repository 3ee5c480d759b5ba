import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../../generator/load/index.js';
import { REPO_ROOT } from '../cli/run-cli.js';

test('a $ref key inside an Example Object value is data, not a reference (GitHub 2.2.1 SCIM examples)', async () => {
  const spec = await loadSpec(join(REPO_ROOT, 'fixtures/publish/example-with-ref-key.yaml'), {
    allowRemoteRefs: false,
  });
  const examples = (
    spec.document.components as { examples: Record<string, { value: { members: Record<string, string>[] } }> }
  ).examples;
  assert.equal(examples['group-list']!.value.members[0]!.$ref, 'https://api.example.com/scim/v2/Users/92b5');
});
