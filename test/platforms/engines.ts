/**
 * The engines of test/platforms/engines/ (own package.json, `npm ci --prefix test/platforms/engines`):
 * installed on first use by the suite; a missing engine is a failure that names the command.
 * deno, bun and workerd ship their binaries in optional platform packages, so no install script
 * is run (engines/.npmrc sets ignore-scripts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORMS_TMP, REPO_ROOT, withLock } from './build-sdk.js';
import type { ScenarioResult } from './report.js';

export const ENGINES_DIR = join(REPO_ROOT, 'test', 'platforms', 'engines');
export const INSTALL_COMMAND = 'npm ci --prefix test/platforms/engines';

/** npm ci of the engines (~150 MB of binaries) on a slow link. */
const INSTALL_TIMEOUT_MS = 300_000;
/** One engine's whole scenario list (nine calls, the slowest 200 ms) plus its start-up on a loaded machine. */
export const ENGINE_RUN_TIMEOUT_MS = 90_000;

export const ENGINE_BINARIES = {
  deno: join(ENGINES_DIR, 'node_modules', '@deno', 'linux-x64-glibc', 'deno'),
  bun: join(ENGINES_DIR, 'node_modules', '@oven', 'bun-linux-x64', 'bin', 'bun'),
  /** The oldest Node the generated package's engines allow (require(esm) unflagged since 20.19). */
  'node-20.19': join(ENGINES_DIR, 'node_modules', 'node-20.19', 'bin', 'node'),
  'node-24': join(ENGINES_DIR, 'node_modules', 'node-24', 'bin', 'node'),
  /** Cloudflare's Workers runtime; its binary is in an optional platform package like deno's and bun's. */
  workerd: join(ENGINES_DIR, 'node_modules', '@cloudflare', 'workerd-linux-64', 'bin', 'workerd'),
} as const;

/** playwright-core, which drives the Debian chromium (chromium.ts): a library, not a binary. */
export const PLAYWRIGHT_CORE = join(ENGINES_DIR, 'node_modules', 'playwright-core', 'index.mjs');

const ENGINE_FILES = [...Object.values(ENGINE_BINARIES), PLAYWRIGHT_CORE];
const INSTALL_LOCK = join(PLATFORMS_TMP, 'engines.lock');

/**
 * Installs the engines folder once (when a file is missing), under a lock: several platform suites
 * (parallel processes) need it. Throws with the command on failure.
 */
export async function ensureEngines(): Promise<void> {
  if (ENGINE_FILES.every((file) => existsSync(file))) return;
  await withLock(INSTALL_LOCK, INSTALL_TIMEOUT_MS, installEngines);
}

function installEngines(): void {
  if (ENGINE_FILES.every((file) => existsSync(file))) return; // another suite installed them meanwhile
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: ENGINES_DIR,
      stdio: 'pipe',
      timeout: INSTALL_TIMEOUT_MS,
    });
  } catch (error) {
    throw new Error(
      `the test engines are not installed and installing them failed; run: ${INSTALL_COMMAND}\n${String((error as { stderr?: unknown }).stderr ?? error)}`,
    );
  }
}

export function engineBinary(name: keyof typeof ENGINE_BINARIES): string {
  const bin = ENGINE_BINARIES[name];
  if (!existsSync(bin)) throw new Error(`${name} is missing (${bin}); run: ${INSTALL_COMMAND}`);
  return bin;
}

const MARKER = 'SCENARIO-RESULTS ';

/** Runs engine-main.mjs under an engine and parses the results line it prints. */
export function runEngine(bin: string, args: readonly string[]): Promise<ScenarioResult[]> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      args,
      { cwd: REPO_ROOT, timeout: ENGINE_RUN_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
        if (line !== undefined) resolve(JSON.parse(line.slice(MARKER.length)) as ScenarioResult[]);
        else
          reject(
            new Error(
              `${bin} ${args.join(' ')} printed no results (${error?.message ?? 'exit 0'}):\n${stdout.slice(-2000)}\n${stderr.slice(-4000)}`,
            ),
          );
      },
    );
  });
}
