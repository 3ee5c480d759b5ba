/**
 * What ships is self-contained: no runtime file (vendored into every SDK as src/runtime/) and no
 * response checker cites a document the SDK does not ship (only its README.md ships), and
 * docs/architecture.md cites no document outside this repository.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A markdown document named in a comment (`runtime.md`, `docs/anchors.md`, `../shared/x.md`). */
const DOCUMENT = /[\w./-]*\.md\b/g;
/** What a generated SDK ships next to src/runtime/. */
const SHIPPED_DOCUMENTS = new Set(['README.md']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

describe('self-contained sources and docs', () => {
  it('no shipped runtime file cites a document the SDK does not ship', () => {
    const files = [...tsFiles(join(REPO, 'runtime')), join(REPO, 'validation/ajv-checker.ts')];
    const cited = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(DOCUMENT)]
        .map((m) => m[0])
        .filter((doc) => !SHIPPED_DOCUMENTS.has(doc))
        .map((doc) => `${relative(REPO, file)}: ${doc}`),
    );
    assert.deepEqual(cited, []);
  });

  it('docs/architecture.md cites only documents of this repository', () => {
    const text = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8');
    const outside = [...text.matchAll(DOCUMENT)]
      .map((m) => m[0])
      .filter((doc) => doc.startsWith('../') || !existsSync(join(REPO, doc.includes('/') ? doc : join('docs', doc))));
    assert.deepEqual(outside, []);
  });
});
