/**
 * How often generated docs use the spec's own examples: over a seeded corpus sample (plus GitHub
 * and Stripe), every operation's call example (README snippet and JSDoc @example) is built and its
 * values counted as from-the-spec or placeholder. Model only: no emit, no tsc.
 *
 *   nice -n 10 node --import tsx scripts/examples-coverage.ts [--sample 200] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { listCorpus, sampleOf } from './corpus/documents.js';
import { PINNED } from './corpus.js';
import { loadSpec } from '../generator/load/index.js';
import { buildModel } from '../generator/model/index.js';
import { loadConfig, resolveConfig } from '../generator/config.js';
import { ExampleFinder } from '../generator/emit/examples.js';

/** Enough documents for a stable share, small enough for a shared 2-core machine. */
const DEFAULT_SAMPLE = 200;
const DEFAULT_SEED = 1;

const { values } = parseArgs({ options: { sample: { type: 'string' }, seed: { type: 'string' } } });
const all = listCorpus();
const pinned = all.filter((d) => PINNED.includes(d.id));
const docs = [
  ...pinned,
  ...sampleOf(
    all.filter((d) => !PINNED.includes(d.id)),
    Number(values.sample ?? DEFAULT_SAMPLE),
    Number(values.seed ?? DEFAULT_SEED),
  ),
];
const totals = {
  documents: 0,
  refused: 0,
  operations: 0,
  values: 0,
  fromSpec: 0,
  placeholders: 0,
  fullyFromSpec: 0,
  noArgs: 0,
};
const perPinned: string[] = [];
for (const doc of docs) {
  let spec;
  let model;
  try {
    spec = await loadSpec(doc.path, { allowRemoteRefs: false });
    model = buildModel(spec, resolveConfig(await loadConfig(undefined, { spec: doc.path }), spec));
  } catch {
    totals.refused += 1;
    continue;
  }
  totals.documents += 1;
  const finder = new ExampleFinder(spec);
  let fromSpec = 0;
  let placeholders = 0;
  for (const op of model.operations) {
    const example = finder.callExample(op);
    totals.operations += 1;
    fromSpec += example.fromSpec;
    placeholders += example.placeholders;
    if (example.fromSpec + example.placeholders === 0) totals.noArgs += 1;
    else if (example.placeholders === 0) totals.fullyFromSpec += 1;
  }
  totals.fromSpec += fromSpec;
  totals.placeholders += placeholders;
  totals.values += fromSpec + placeholders;
  if (PINNED.includes(doc.id))
    perPinned.push(
      `${doc.id}: ${model.operations.length} operations, ${fromSpec} values from the spec, ${placeholders} placeholders`,
    );
}
const share = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
process.stdout.write(
  [
    `documents: ${totals.documents} (${totals.refused} not loadable, skipped)`,
    `operations: ${totals.operations}; ${totals.noArgs} need no arguments; ${totals.fullyFromSpec} (${share(totals.fullyFromSpec, totals.operations - totals.noArgs)} of the rest) use only spec examples`,
    `values: ${totals.values}; from the spec ${totals.fromSpec} (${share(totals.fromSpec, totals.values)}), placeholders ${totals.placeholders} (${share(totals.placeholders, totals.values)})`,
    ...perPinned,
  ].join('\n') + '\n',
);
