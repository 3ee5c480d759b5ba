/**
 * Installs a Debian package an e2e suite needs, only when it is missing, so that `.ci/run`
 * passes on a fresh machine. Runs `apt-get install -y <pkg>` when the probe command fails and we
 * are root (running `apt-get update` first only if the package is unknown to the local index);
 * otherwise fails with a message saying exactly what to install.
 */
import { spawnSync } from 'node:child_process';

/** Generous: a first install downloads python3 and its dependencies. */
export const APT_TIMEOUT_MS = 300_000;

export interface DebianRequirement {
  /** The Debian package providing it, e.g. `python3-httpbin`. */
  readonly pkg: string;
  /**
   * A command that succeeds when the dependency is usable, e.g. ['/usr/bin/python3', '-c', 'import httpbin'].
   * Name Debian's own interpreter by its full path: a `python3` earlier in PATH (pyenv, a venv)
   * does not see packages installed by apt.
   */
  readonly probe: readonly [string, ...string[]];
}

function probeSucceeds(probe: readonly [string, ...string[]]): boolean {
  const [command, ...args] = probe;
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

function aptGet(args: readonly string[]): { ok: boolean; output: string } {
  const result = spawnSync('apt-get', [...args], {
    encoding: 'utf8',
    timeout: APT_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output: output.slice(-4_000) };
}

/** Makes sure the requirement is met; throws an Error explaining what to do when it cannot be. */
export function ensureDebianPackage(requirement: DebianRequirement): void {
  if (probeSucceeds(requirement.probe)) return;
  const manual = `install it with: sudo apt-get update && sudo apt-get install -y ${requirement.pkg}`;
  if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(
      `\`${requirement.probe.join(' ')}\` failed: ${requirement.pkg} is missing and we are not root to install it; ${manual}`,
    );
  }
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`${requirement.pkg} is missing and apt-get is not available (not Debian/Ubuntu?); ${manual}`);
  }
  // Two suites may install at once (test files run in parallel on bigger machines): wait for
  // dpkg's lock instead of failing on it, and look again before a second try.
  const install = [
    '-o',
    `DPkg::Lock::Timeout=${Math.round(APT_TIMEOUT_MS / 2_000)}`,
    'install',
    '-y',
    '--no-install-recommends',
    requirement.pkg,
  ];
  let attempt = aptGet(install);
  if (!attempt.ok && probeSucceeds(requirement.probe)) return;
  if (!attempt.ok) {
    // A fresh machine (or container) often has an empty package index: refresh once and retry.
    const update = aptGet(['-o', `DPkg::Lock::Timeout=${Math.round(APT_TIMEOUT_MS / 2_000)}`, 'update']);
    if (!update.ok) throw new Error(`apt-get update failed while installing ${requirement.pkg}:\n${update.output}`);
    attempt = aptGet(install);
  }
  if (!attempt.ok) throw new Error(`apt-get install -y ${requirement.pkg} failed:\n${attempt.output}`);
  if (!probeSucceeds(requirement.probe)) {
    throw new Error(`${requirement.pkg} was installed but \`${requirement.probe.join(' ')}\` still fails`);
  }
}
