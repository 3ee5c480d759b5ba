/**
 * Runs the real CLI in a child process, as users and CI do, with a timeout so a hang fails the
 * test instead of the suite.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
/** Generous for a tsx start-up plus a small generation on a loaded 2-core machine. */
export const CLI_TIMEOUT_MS = 60_000;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'generator/cli.ts'), ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        timeout: CLI_TIMEOUT_MS,
        // CI=true keeps progress off so the output is exactly what a pipeline sees.
        env: { ...process.env, CI: 'true', SDKGEN_DEBUG: '', NO_COLOR: '1', ...options.env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh scratch folder under .tmp/ (git-ignored); remove it with the returned function. */
export function scratchDir(name: string): { path: string; cleanup: () => void } {
  const path = join(REPO_ROOT, '.tmp', `${name}-${process.pid}`);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Stack frames look like "    at fn (file:line:col)"; our located errors use two spaces. */
export const STACK_LINE = /^\s{4,}at /m;

/** Every file below `dir` as relative path -> bytes, for byte-for-byte comparisons. */
export function tree(dir: string, prefix = ''): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) Object.assign(found, tree(join(dir, entry.name), path + '/'));
    else found[path] = readFileSync(join(dir, entry.name), 'latin1');
  }
  return found;
}
