/**
 * Contract: for every spec in fixtures/ (not fixtures/bad/), an SDK generated from it calls every
 * operation against `prism mock` of the same spec, with arguments built from the spec's examples.
 * Prism validates each request against the spec: the SDK must cause zero request violations, and
 * Prism must not refuse any call (no route matched, missing credentials, unacceptable Accept ...),
 * except where Prism itself cannot route a valid request (listed below, and proven each run by
 * sending the expected request with plain undici).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { runContract, formatProblems, summarise, type ContractReport } from './harness/contract.js';
import { start as startPrism } from './harness/prism.js';
import { installWatchdog } from './harness/process.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const SPECS: readonly [string, string][] = [
  ['petstore', 'petstore.yaml'],
  ['link-paginated', 'link-paginated.yaml'],
  ['hostile', 'hostile.yaml'],
  ['swagger-2.0', 'swagger-2.0.yaml'],
  ['api-3.1', 'api-3.1.json'],
  ['multi-file', 'multi-file/openapi.yaml'],
];

/**
 * Requests the SDK gets right but Prism 5.14 cannot route: route -> the exact path the SDK must
 * send. uri-template-lite (Prism's router) does not take `{a.b}` as one variable name, although
 * OpenAPI allows any name, so `/no-operation-id/abc` is "not found" even when sent by hand.
 */
const PRISM_CANNOT_ROUTE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  hostile: { 'GET /no-operation-id/{a.b}': '/no-operation-id/abc' },
};

installWatchdog('contract-fixtures.test.ts', 180_000);

describe('e2e contract: fixture specs through the generated SDK against Prism', { timeout: 150_000 }, () => {
  for (const [name, file] of SPECS) {
    test(`${file}: every operation, zero violations`, async () => {
      const spec = `${FIXTURES}${file}`;
      const report: ContractReport = await runContract(name, spec);
      console.log(summarise(report));
      assert.ok(report.operations > 0, 'the model has no operations');
      assert.equal(report.outcomes.length, report.operations);
      assert.equal(
        report.violations,
        0,
        `Prism found request violations:\n${formatProblems(report, (o) => o.violations.length > 0)}`,
      );

      const known = PRISM_CANNOT_ROUTE[name] ?? {};
      for (const [route, path] of Object.entries(known)) {
        const outcome = report.outcomes.find((o) => o.route === route);
        assert.ok(outcome?.sent, `${route}: not called`);
        assert.equal(new URL(outcome.sent.url).pathname, path, `${route}: the SDK sent another path`);
        assert.equal(outcome.status, 404, `${route}: Prism now routes it; drop it from PRISM_CANNOT_ROUTE`);
      }
      if (Object.keys(known).length > 0) {
        // The same request by hand is refused too: the limitation is Prism's, not the SDK's.
        const prism = await startPrism({ spec });
        try {
          for (const [route, path] of Object.entries(known)) {
            const response = await request(`${prism.baseUrl}${path}`, { method: route.split(' ')[0] as 'GET' });
            const body = await response.body.text();
            assert.equal(response.statusCode, 404, `${route} by hand: ${body}`);
            assert.match(body, /NO_PATH_MATCHED_ERROR/);
          }
        } finally {
          await prism.stop();
        }
      }
      const refused = formatProblems(report, (o) => o.refused !== undefined && !(o.route in known));
      assert.equal(refused, '', `Prism refused calls:\n${refused}`);
      const errors = formatProblems(report, (o) => o.error !== undefined);
      assert.equal(errors, '', `the SDK raised on calls Prism accepted:\n${errors}`);
    });
  }
});
