/**
 * The runtime's layers point one way (docs/architecture.md "Layers"). Reads every runtime file's
 * imports (value and type-only alike) and fails on a wrong-way arrow or an import cycle.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNTIME = join(dirname(fileURLToPath(import.meta.url)), '../../runtime');

/** Files that import nothing of the runtime: everything else may import them. */
const LEAVES = new Set(['descriptor.ts', 'errors.ts', 'constants.ts', 'env.ts']);

/** Folder (or top-level file) -> the runtime folders and files it must not import. */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  transport: ['policies', 'auth', 'engine', 'client.ts', 'validation', 'request', 'pagination', 'streams'],
  request: ['engine', 'policies', 'client.ts', 'auth', 'pagination'],
  response: ['engine', 'policies', 'client.ts', 'auth', 'pagination'],
  pagination: ['engine', 'policies', 'client.ts', 'auth'],
  streams: ['engine', 'policies', 'client.ts', 'auth', 'response', 'pagination'],
  auth: ['engine', 'policies', 'client.ts', 'pagination', 'streams', 'response'],
  validation: ['engine', 'client.ts'],
  errors: [
    'engine',
    'policies',
    'client.ts',
    'auth',
    'transport',
    'request',
    'response',
    'pagination',
    'streams',
    'validation',
  ],
  policies: ['engine', 'client.ts'],
  engine: ['client.ts'],
};

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return runtimeFiles(full);
    return entry.endsWith('.ts') ? [relative(RUNTIME, full).split(sep).join('/')] : [];
  });
}

/** Relative imports of one file (`import ... from`, `export ... from`, `import type`), as runtime paths. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(RUNTIME, file), 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1]!);
  return specifiers.map((spec) => posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts'));
}

function layerOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file;
}

const files = runtimeFiles(RUNTIME).sort();
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('runtime layers', () => {
  it('reads a graph of every runtime file', () => {
    assert.ok(files.length > 50, `found only ${files.length} runtime files`);
    assert.ok(
      graph.get('client.ts')!.includes('engine/call.ts'),
      'the import reader misses client.ts -> engine/call.ts',
    );
  });

  it('descriptor, errors, constants and env import nothing of the runtime (errors.ts only its own errors/ files)', () => {
    const wrong = [...graph]
      .filter(([file]) => LEAVES.has(file) || file.startsWith('errors/'))
      .flatMap(([file, targets]) =>
        targets.filter((target) => !target.startsWith('errors/')).map((target) => `${file} -> ${target}`),
      );
    assert.deepEqual(wrong, []);
  });

  it('no arrow points the wrong way', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const forbidden = FORBIDDEN[layerOf(file)] ?? [];
      for (const target of targets) if (forbidden.includes(layerOf(target))) wrong.push(`${file} -> ${target}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.deepEqual(cycles, []);
  });
});
