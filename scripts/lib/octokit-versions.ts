/**
 * The published versions of @octokit/openapi, each one's api.github.com.json unpacked into
 * .cache/octokit-versions/<version>.json (git-ignored) with npm's own client. Skips what is there.
 * These are the ground truth for `sdkgen diff` (semver-versioned by GitHub's maintainers) and for
 * the names-stability measurement (scripts/names/stability.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { npmPack } from './npm-pack.js';

export const OCTOKIT_DIR = resolve(import.meta.dirname, '../../.cache/octokit-versions');

/** Every version published on npm, oldest first (`npm view @octokit/openapi versions`), pinned. */
export const OCTOKIT_VERSIONS = [
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
] as const;

const MEMBER = 'package/generated/api.github.com.json';

/** The path of one version's api.github.com.json, downloading it first when absent. */
export function octokitSpecPath(version: string, log: (line: string) => void = () => {}): string {
  const target = join(OCTOKIT_DIR, `${version}.json`);
  if (existsSync(target)) return target;
  const work = join(OCTOKIT_DIR, `.work-${version}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log(`fetching @octokit/openapi@${version} ...`);
  const tarball = npmPack(`@octokit/openapi@${version}`, work);
  execFileSync('tar', ['-xzf', tarball, '-C', work, MEMBER], { stdio: 'inherit' });
  renameSync(join(work, MEMBER), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

/** Downloads what is missing; returns the paths, oldest first. */
export function fetchOctokitVersions(log: (line: string) => void = () => {}): string[] {
  return OCTOKIT_VERSIONS.map((version) => octokitSpecPath(version, log));
}

if (process.argv[1]?.endsWith('octokit-versions.ts')) fetchOctokitVersions((line) => process.stderr.write(line + '\n'));
