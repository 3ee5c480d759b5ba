/**
 * What `validate: 'warn' | 'strict'` costs on GitHub's spec (no network: the checker alone).
 *
 *   node --import tsx bench/validation-cost.ts [spec=.cache/corpus/github.json] [checks=10000]
 *
 * Prints: the generator's bundle build time and size; at first use, ajv's import, the JSON.parse
 * of the bundle (what `import('./validation/schemas.js')` does) and the checker's creation; the
 * first check of repos/get (its lazy compile); then CPU per check in steady state for one
 * repository and for a 30-issue page. Bodies are the spec's own examples.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildModel } from '../generator/model/index.js';
import { buildSchemaBundle } from '../generator/emit/schemas-file.js';
import { loadConfig, resolveConfig } from '../generator/config.js';
import { loadSpec } from '../generator/load/index.js';

const specPath = resolve(process.argv[2] ?? '.cache/corpus/github.json');
const checks = Number(process.argv[3] ?? 10_000);

function exampleOf(document: Record<string, any>, name: string): unknown {
  return document.components.examples[name].value;
}

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

const spec = await loadSpec(specPath, { allowRemoteRefs: false });
const config = { ...resolveConfig(await loadConfig(undefined, { spec: specPath }), spec), validateResponses: true };
const model = buildModel(spec, config);
let start = performance.now();
const bundle = buildSchemaBundle(model, spec);
const text = JSON.stringify(bundle);
console.log(
  `generator: bundle built in ${ms(start)}: ${(text.length / 1024).toFixed(0)} KiB, ${Object.keys(bundle.document.$defs).length} schemas, ${Object.keys(bundle.index).length} operations`,
);

start = performance.now();
const { createResponseChecker } = await import('../validation/ajv-checker.js');
console.log(`first use: import ajv + checker module ${ms(start)}`);
start = performance.now();
const parsed = JSON.parse(text);
console.log(`first use: JSON.parse of the bundle ${ms(start)}`);
start = performance.now();
const check = createResponseChecker(parsed);
console.log(`first use: createResponseChecker ${ms(start)}`);

const document = spec.document as Record<string, any>;
const repo = exampleOf(document, 'full-repository');
const issues = Array.from({ length: 30 }, () => exampleOf(document, 'issue'));
start = performance.now();
const firstIssues = check('repos/get', 200, repo);
console.log(
  `first check of repos/get (compiles its schema): ${ms(start)}, ${firstIssues?.length ?? 'no schema'} issue(s)`,
);
start = performance.now();
const listIssues = check('issues/list-for-repo', 200, issues);
console.log(
  `first check of issues/list-for-repo (compiles its schema): ${ms(start)}, ${listIssues?.length ?? 'no schema'} issue(s)`,
);

for (const [label, id, body] of [
  ['repos/get (1 repository)', 'repos/get', repo],
  ['issues/list-for-repo (30 issues)', 'issues/list-for-repo', issues],
] as const) {
  const cpu = process.cpuUsage();
  for (let i = 0; i < checks; i++) check(id, 200, body);
  const used = process.cpuUsage(cpu);
  console.log(
    `steady state ${label}: ${((used.user + used.system) / checks).toFixed(1)} us CPU per check (${checks} checks)`,
  );
}
