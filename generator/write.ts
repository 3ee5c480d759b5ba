/**
 * GeneratedFiles -> disk, all or nothing; or, with --check, the list of files that differ.
 *
 * Everything is written to a staging folder beside the output and swapped in with renames, so a
 * failure (disk full, a bug, Ctrl-C) never leaves a half-written SDK. A manifest of what sdkgen
 * wrote lets the next run delete files that are no longer generated, and only those: files the
 * user added (node_modules/, dist/, a hand-written helper) are carried over untouched.
 *
 * Two kinds of file belong to the user although sdkgen may write them: paths matching the config's
 * `preserve:` globs (written only when absent, never overwritten, deleted or drift-checked) and
 * `userFiles` (the hooks file, created once; CHANGELOG.md and the recorded surface, which sdkgen
 * updates). Neither is listed in the manifest, so no later run deletes them.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import type { GeneratedFiles } from './types.js';
import { InputError } from './types.js';
import { displayPath } from './load/display-path.js';
import { preserveMatcher, type PathMatcher } from './preserve.js';
import { writeAll } from './lib/write-all.js';

/** Lists the files sdkgen wrote (with content hashes); no timestamps, no absolute paths. */
export const MANIFEST_FILE = '.sdkgen-manifest.json';
/** Drift lines are cut to this length so one minified line cannot flood a CI log. */
export const DRIFT_LINE_PREVIEW_CHARS = 120;

export type DriftKind = 'added' | 'changed' | 'removed';

export interface DriftEntry {
  /** Relative POSIX path inside the output folder. */
  readonly path: string;
  readonly kind: DriftKind;
  /** For `changed`: first line (1-based) that differs, and that line on each side. */
  readonly line?: number;
  readonly expected?: string;
  readonly actual?: string;
}

export interface WriteResult {
  readonly outDir: string;
  /** Generated files (the manifest not counted). */
  readonly files: number;
  /** What differs between disk and the generated files (empty when up to date). */
  readonly drift: readonly DriftEntry[];
  /** False in check mode, and when everything was already up to date. */
  readonly written: boolean;
}

/** A file the user owns once it exists. */
export interface UserFile {
  readonly content: string;
  /** `create`: written only when absent (the hooks file). `replace`: sdkgen keeps it current (CHANGELOG.md). */
  readonly mode: 'create' | 'replace';
}

export interface WriteOptions {
  readonly check: boolean;
  /** Globs, relative to the output folder, that sdkgen never overwrites or deletes; --check ignores them. */
  readonly preserve?: readonly string[];
  readonly userFiles?: ReadonlyMap<string, UserFile>;
}

interface Manifest {
  readonly generatedBy: 'sdkgen';
  readonly files: Readonly<Record<string, string>>;
}

export async function writeOutput(outDir: string, files: GeneratedFiles, options: WriteOptions): Promise<WriteResult> {
  const target = resolve(outDir);
  assertSafeOutputDir(target);
  const preserved = preserveMatcher(options.preserve);
  const all = normalize(files);
  const entries = all.filter(([path]) => !preserved(path));
  const manifest = buildManifest(entries);
  const existing = await readExisting(target);
  const drift = await computeDrift(target, entries, existing.manifest, preserved);
  const result = { outDir: target, files: entries.length, drift };
  if (options.check) return { ...result, written: false };
  const userWrites = await userFilesToWrite(
    target,
    all.filter(([path]) => preserved(path)),
    options.userFiles,
  );
  const manifestText = serializeManifest(manifest);
  if (drift.length === 0 && existing.manifestText === manifestText && userWrites.length === 0)
    return { ...result, written: false };
  await stageAndSwap(target, [...entries, ...userWrites], manifestText, existing.manifest, preserved);
  return { ...result, written: true };
}

/**
 * Preserved generated files that are not on disk yet, `create` user files that are absent, and
 * `replace` user files whose content changed: what the user owns but sdkgen must write this time.
 */
async function userFilesToWrite(
  target: string,
  preservedEntries: readonly [string, string][],
  userFiles: ReadonlyMap<string, UserFile> | undefined,
): Promise<[string, string][]> {
  const writes: [string, string][] = [];
  for (const [path, content] of preservedEntries)
    if ((await readIfFile(join(target, path))) === undefined) writes.push([path, content]);
  for (const [path, file] of [...(userFiles ?? new Map<string, UserFile>())].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const onDisk = await readIfFile(join(target, ...path.split('/')));
    if (file.mode === 'create' ? onDisk === undefined : onDisk !== file.content) writes.push([path, file.content]);
  }
  return writes;
}

/** Sorted, LF-only, with paths that cannot escape the output folder. */
function normalize(files: GeneratedFiles): [string, string][] {
  // Most files hold no CR: skip the regex pass over them (GitHub's output is 11 MB).
  const entries = [...files].map(([path, content]): [string, string] => [
    path,
    content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content,
  ]);
  for (const [path] of entries) {
    const parts = path.split('/');
    if (
      path === '' ||
      path.startsWith('/') ||
      path.includes('\\') ||
      parts.some((p) => p === '' || p === '.' || p === '..') ||
      path === MANIFEST_FILE
    ) {
      // Paths come from emit, not from the user: a bad one is a bug in sdkgen.
      throw new Error(`emit produced an invalid output path: ${JSON.stringify(path)}`);
    }
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function hash(content: string): string {
  return 'sha256-' + createHash('sha256').update(content).digest('hex');
}

function buildManifest(entries: readonly [string, string][]): Manifest {
  return { generatedBy: 'sdkgen', files: Object.fromEntries(entries.map(([path, content]) => [path, hash(content)])) };
}

function serializeManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

function assertSafeOutputDir(target: string): void {
  const cwd = process.cwd();
  const fromTarget = relative(target, cwd);
  const containsCwd = fromTarget === '' || (!fromTarget.startsWith('..') && !parsePath(fromTarget).root);
  if (target === parsePath(target).root || containsCwd) {
    // The swap renames the output folder: it must never be the folder we run in or above it.
    throw new InputError(`output folder ${displayPath(target)} contains the working directory`, {
      hint: 'generate into a dedicated folder, e.g. -o ./sdk',
    });
  }
}

async function readExisting(
  target: string,
): Promise<{ manifest: Manifest | undefined; manifestText: string | undefined }> {
  let info;
  try {
    info = await lstat(target);
  } catch {
    return { manifest: undefined, manifestText: undefined };
  }
  if (info.isSymbolicLink()) {
    // The swap replaces the folder itself; through a link it would replace the link.
    throw new InputError(`output ${displayPath(target)} is a symbolic link`, {
      hint: 'point -o (or output:) at the real folder',
    });
  }
  if (!info.isDirectory()) {
    throw new InputError(`output ${displayPath(target)} exists and is not a folder`, {
      hint: 'choose another output folder with -o, or remove that file',
    });
  }
  let manifestText: string;
  try {
    manifestText = await readFile(join(target, MANIFEST_FILE), 'utf8');
  } catch {
    return { manifest: undefined, manifestText: undefined };
  }
  try {
    const parsed = JSON.parse(manifestText) as Partial<Manifest>;
    if (parsed && typeof parsed.files === 'object' && parsed.files !== null) {
      return { manifest: { generatedBy: 'sdkgen', files: parsed.files }, manifestText };
    }
  } catch {
    // A damaged manifest: nothing is known to be ours, so nothing is deleted.
  }
  return { manifest: undefined, manifestText };
}

async function readIfFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function computeDrift(
  target: string,
  entries: readonly [string, string][],
  previous: Manifest | undefined,
  preserved: PathMatcher,
): Promise<DriftEntry[]> {
  const drift: DriftEntry[] = [];
  const generated = new Set(entries.map(([path]) => path));
  for (const [path, content] of entries) {
    const onDisk = await readIfFile(join(target, path));
    if (onDisk === undefined) drift.push({ path, kind: 'added' });
    else if (onDisk !== content) drift.push({ path, kind: 'changed', ...firstDifference(content, onDisk) });
  }
  for (const path of Object.keys(previous?.files ?? {}).sort()) {
    if (
      !generated.has(path) &&
      !preserved(path) &&
      isSafeRelative(path) &&
      (await readIfFile(join(target, path))) !== undefined
    ) {
      drift.push({ path, kind: 'removed' });
    }
  }
  return drift.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A manifest is on disk where anyone could edit it: never follow a path out of the folder. */
function isSafeRelative(path: string): boolean {
  return !path.startsWith('/') && !path.split(/[\\/]/).some((p) => p === '..' || p === '') && path !== MANIFEST_FILE;
}

function firstDifference(expected: string, actual: string): { line: number; expected: string; actual: string } {
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let index = 0;
  while (index < expectedLines.length && index < actualLines.length && expectedLines[index] === actualLines[index])
    index += 1;
  return { line: index + 1, expected: previewLine(expectedLines, index), actual: previewLine(actualLines, index) };
}

/** The line, cut short; past the last line (or on the empty tail after the final LF), say so. */
function previewLine(lines: readonly string[], index: number): string {
  const line = lines[index];
  if (line === undefined || (line === '' && index === lines.length - 1)) return '<end of file>';
  return line.slice(0, DRIFT_LINE_PREVIEW_CHARS);
}

/**
 * Files and folders in the output that sdkgen did not write. A folder that holds nothing
 * generated (node_modules/) is carried over whole, without reading inside it.
 */
async function findUserEntries(target: string, ours: ReadonlySet<string>): Promise<string[]> {
  const ourFolders = new Set<string>();
  for (const path of ours) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) ourFolders.add(parts.slice(0, depth).join('/'));
  }
  const found: string[] = [];
  const visit = async (relativeDir: string): Promise<void> => {
    const entries = await readdir(relativeDir === '' ? target : join(target, relativeDir), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (path === MANIFEST_FILE || ours.has(path)) continue;
      if (entry.isDirectory() && ourFolders.has(path)) await visit(path);
      else found.push(path);
    }
  };
  await visit('');
  return found;
}

async function stageAndSwap(
  target: string,
  entries: readonly [string, string][],
  manifestText: string,
  previous: Manifest | undefined,
  preserved: PathMatcher,
): Promise<void> {
  // Beside the output, so every rename below stays on one file system (and is atomic).
  const staging = await createStaging(target);
  const backup = `${staging}-previous`;
  const moved: string[] = [];
  let swapped = false;
  let outputMoved = false;
  // Between moving the user's files into staging and the swap, Ctrl-C would strand them there.
  const signals = deferSignals();
  try {
    await writeAll(staging, entries);
    await writeFile(join(staging, MANIFEST_FILE), manifestText);
    const outputExists = await lstat(target).then(
      () => true,
      () => false,
    );
    if (outputExists) {
      // A preserved path is never ours, even when an earlier run (before `preserve:`) generated it.
      const ours = new Set([
        ...Object.keys(previous?.files ?? {}).filter((path) => !preserved(path)),
        ...entries.map(([path]) => path),
      ]);
      for (const path of await findUserEntries(target, ours)) {
        const destination = join(staging, ...path.split('/'));
        await mkdir(dirname(destination), { recursive: true });
        await rename(join(target, ...path.split('/')), destination);
        moved.push(path);
      }
      await rename(target, backup);
      outputMoved = true;
    }
    await rename(staging, target);
    swapped = true;
  } catch (error) {
    await rollback({ target, staging, backup, moved, outputMoved, swapped });
    throw error;
  } finally {
    signals.release();
  }
  await rm(backup, { recursive: true, force: true });
}

const DEFERRED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Holds SIGINT/SIGTERM/SIGHUP until `release()`, then re-raises the first one received. */
function deferSignals(): { release(): void } {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of DEFERRED_SIGNALS) process.on(signal, hold);
  return {
    release() {
      for (const signal of DEFERRED_SIGNALS) process.off(signal, hold);
      if (received) process.kill(process.pid, received);
    },
  };
}

/** Failing to create the output's folder is the user's path (under a file, read-only), not a bug. */
async function createStaging(target: string): Promise<string> {
  try {
    await mkdir(dirname(target), { recursive: true });
    return await mkdtemp(join(dirname(target), `.${basename(target)}.sdkgen-staging-`));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new InputError(`cannot create the output folder ${displayPath(target)} (${code})`, {
        hint:
          code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a parent of that path is a file; choose another -o'
            : 'choose a writable output folder with -o',
      });
    }
    throw error;
  }
}

/** Puts the previous output back exactly as it was, user files included. */
async function rollback(state: {
  target: string;
  staging: string;
  backup: string;
  moved: readonly string[];
  outputMoved: boolean;
  swapped: boolean;
}): Promise<void> {
  if (state.swapped) return;
  if (state.outputMoved) await rename(state.backup, state.target);
  for (const path of [...state.moved].reverse()) {
    await rename(join(state.staging, ...path.split('/')), join(state.target, ...path.split('/')));
  }
  await rm(state.staging, { recursive: true, force: true });
}

/** Drift as the short lines the CLI prints (`changed src/client.ts:12`). */
export function formatDrift(drift: readonly DriftEntry[], outDir: string): string[] {
  return drift.map((entry) => {
    const where = displayPath(join(outDir, ...entry.path.split('/')))
      .split(sep)
      .join('/');
    if (entry.kind !== 'changed') return `${entry.kind.padEnd(8)} ${where}`;
    return [
      `changed  ${where}:${entry.line}`,
      `           - on disk:   ${entry.actual}`,
      `           + generated: ${entry.expected}`,
    ].join('\n');
  });
}
