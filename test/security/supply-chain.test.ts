/**
 * Supply chain: what a generated SDK brings into its users' services.
 *
 * - the runtime (copied into every SDK) imports node: builtins, undici and its own files, nothing else;
 * - a generated package depends on undici only (plus ajv when generated with response validation),
 *   has no install-time scripts;
 * - the optional validator (validation/, vendored only with `validation: { responses: true }`) imports ajv only;
 * - this repository installs from a lockfile and runs no install scripts of its own.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { generate } from '../../generator/generate.js';
import { scratchDir } from '../generator/cli/run-cli.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...walk(full));
    else if (full.endsWith('.ts')) files.push(full);
  }
  return files;
}

/** Every module specifier in a file: import/export ... from, import(), require(). */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const dynamic =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      if (dynamic) {
        const arg = node.arguments[0]!;
        found.push(ts.isStringLiteral(arg) ? arg.text : `<computed: ${arg.getText(source)}>`);
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('supply chain', () => {
  test('the runtime imports only node: builtins, undici and its own files (no computed imports)', () => {
    const runtimeDir = join(REPO_ROOT, 'runtime');
    const offending: string[] = [];
    for (const file of walk(runtimeDir)) {
      for (const spec of specifiers(file)) {
        const ok =
          spec.startsWith('node:') ||
          spec === 'undici' ||
          (spec.startsWith('.') && resolve(file, '..', spec).startsWith(runtimeDir + '/'));
        if (!ok) offending.push(`${relative(REPO_ROOT, file)}: ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  test('the optional validator (validation/) imports ajv and nothing else', () => {
    const offending: string[] = [];
    for (const file of walk(join(REPO_ROOT, 'validation'))) {
      for (const spec of specifiers(file))
        if (spec !== 'ajv/dist/2020.js') offending.push(`${relative(REPO_ROOT, file)}: ${spec}`);
    }
    assert.deepEqual(offending, []);
  });

  test('a generated package depends on undici only and runs nothing at install time', async () => {
    const scratch = scratchDir('supply-chain');
    try {
      const out = join(scratch.path, 'sdk');
      await generate({
        spec: join(REPO_ROOT, 'fixtures/petstore.yaml'),
        output: out,
        check: false,
        allowRemoteRefs: false,
        cwd: scratch.path,
      });
      const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: unknown;
        peerDependencies?: unknown;
        bundledDependencies?: unknown;
        scripts?: Record<string, string>;
      };
      assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['undici']);
      assert.match(
        pkg.dependencies!.undici!,
        /^\^?\d+\.\d+\.\d+$/,
        'a semver range from the registry, not a URL or git dependency',
      );
      assert.equal(pkg.optionalDependencies, undefined);
      assert.equal(pkg.peerDependencies, undefined);
      assert.equal(pkg.bundledDependencies, undefined);
      for (const name of INSTALL_SCRIPTS) assert.equal(pkg.scripts?.[name], undefined, `no ${name} script`);
      // The vendored runtime in the package is the audited one, byte for byte.
      for (const file of walk(join(REPO_ROOT, 'runtime'))) {
        const copy = join(out, 'src/runtime', relative(join(REPO_ROOT, 'runtime'), file));
        assert.equal(
          readFileSync(copy, 'utf8'),
          readFileSync(file, 'utf8'),
          `${relative(REPO_ROOT, file)} copied verbatim`,
        );
      }
    } finally {
      scratch.cleanup();
    }
  });

  test('this repository installs from a lockfile (v3, every package pinned by sha512 integrity, no git/file/http sources) and has no install scripts', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      lockfileVersion: number;
      packages: Record<string, { resolved?: string; integrity?: string; link?: boolean }>;
    };
    assert.ok(lock.lockfileVersion >= 3);
    const loose: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '' || entry.link) continue;
      // `resolved` may be omitted (npm's omit-lockfile-registry-resolved); when present it is an https registry tarball.
      const fromRegistry = entry.resolved === undefined || /^https:\/\/[^/]+\/.+\.tgz$/.test(entry.resolved);
      if (!fromRegistry || !entry.integrity?.startsWith('sha512-')) loose.push(path);
    }
    assert.deepEqual(loose, [], 'every locked package is a registry tarball pinned by a sha512 integrity');
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const name of INSTALL_SCRIPTS) assert.equal(pkg.scripts?.[name], undefined, `no ${name} script`);
  });
});
