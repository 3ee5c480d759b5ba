/**
 * The published @octokit/openapi versions whose api.github.com.json the names-stability
 * measurement compares, fetched with npm's own client into .cache/octokit-openapi/<version>.json
 * (git-ignored; only the one member is kept, the 40 MB tarball is deleted).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { npmPack } from '../lib/npm-pack.js';

export const OCTOKIT_VERSIONS_DIR = resolve(import.meta.dirname, '../../.cache/octokit-openapi');

/** Every version published on npm (`npm view @octokit/openapi versions`), oldest first; pinned so figures are comparable. */
export const OCTOKIT_VERSIONS: readonly string[] = [
  '2.2.1',
  '10.0.0',
  '12.0.0',
  '14.0.0',
  '16.0.0',
  '16.6.0',
  '17.0.0',
  '18.0.0',
  '18.2.0',
  '19.0.0',
  '19.1.0',
  '20.0.0',
  '21.0.0',
  '22.0.0',
  '23.0.0',
  '23.0.1',
  '23.0.2',
];

const MEMBER = 'package/generated/api.github.com.json';

/** The path of version's api.github.com.json, downloading it first when absent. */
export function octokitSpecPath(version: string): string {
  const target = join(OCTOKIT_VERSIONS_DIR, `${version}.json`);
  if (existsSync(target)) return target;
  const work = join(OCTOKIT_VERSIONS_DIR, `.work-${version}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.stderr.write(`fetching @octokit/openapi@${version} ...\n`);
  const tarball = npmPack(`@octokit/openapi@${version}`, work);
  execFileSync('tar', ['-xzf', tarball, '-C', work, MEMBER], { stdio: 'inherit' });
  renameSync(join(work, MEMBER), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const version of OCTOKIT_VERSIONS) octokitSpecPath(version);
}
