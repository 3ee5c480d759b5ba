/**
 * Bundle sizes per platform (issue 15): esbuild --bundle --minify of
 *   - a one-call app on GitHub's SDK (`repos.get`), and
 *   - the runtime alone (a Client on an empty API),
 * for Node (platform node, undici external: it is the package's dependency) and for the browser
 * (platform browser). Browser builds mark node:* and undici external instead of failing, and list
 * which runtime files import them: a browser cannot load those, so the browser row is "not
 * loadable" until that list is empty (docs/platforms.md). Bytes and gzip -9 bytes.
 *
 *   node --import tsx bench/bundle-platforms.ts [github-sdk-dir]
 *
 * Without an argument, GitHub's SDK is generated into .tmp/platforms/github from
 * .cache/corpus/github.json. Prints a Markdown table; writes nothing else (not results.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(REPO, '.tmp', 'platforms');
const GITHUB_SPEC = join(REPO, '.cache', 'corpus', 'github.json');
/** Generating GitHub's SDK takes ~4 s on a quiet machine; a loaded one gets this long. */
const GENERATE_TIMEOUT_MS = 600_000;

interface Row {
  readonly app: string;
  readonly platform: 'node' | 'browser';
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Node-only modules the bundle still imports, with the files that import them (browser only). */
  readonly nodeImports: ReadonlyMap<string, ReadonlySet<string>>;
}

function githubSdk(): string {
  const given = process.argv[2];
  if (given !== undefined) return resolve(given);
  const dir = join(OUT, 'github');
  if (!existsSync(join(dir, 'src', 'index.ts'))) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'generator/cli.ts', 'generate', GITHUB_SPEC, '-o', dir, '--quiet'],
      {
        cwd: REPO,
        stdio: 'inherit',
        timeout: GENERATE_TIMEOUT_MS,
      },
    );
  }
  return dir;
}

function isNodeOnly(path: string): boolean {
  return path.startsWith('node:') || path === 'undici' || path.startsWith('undici/');
}

async function bundle(app: string, entry: string, platform: Row['platform']): Promise<Row> {
  const outfile = entry.replace(/\.ts$/, `.${platform}.js`);
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    // Node: undici is the package's dependency, installed beside it. Browser: external only so
    // the build finishes and the list below can say who imports what.
    external: platform === 'node' ? ['undici'] : ['node:*', 'undici'],
    metafile: true,
    logLevel: 'silent',
  });
  const code = readFileSync(outfile);
  return {
    app,
    platform,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    nodeImports: platform === 'browser' ? nodeImportsOf(result.metafile) : new Map(),
  };
}

function nodeImportsOf(metafile: Metafile): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || !isNodeOnly(imported.path)) continue;
      const importers = found.get(imported.path) ?? new Set<string>();
      importers.add(file.replace(/^.*\/src\/runtime\//, 'runtime/'));
      found.set(imported.path, importers);
    }
  }
  return found;
}

async function main(): Promise<void> {
  const sdk = githubSdk();
  mkdirSync(OUT, { recursive: true });
  const oneCall = join(sdk, 'app-one-call.ts');
  // The client class is named after the spec's title (no config here): read it from client.ts.
  const clientName = /export class (\w+) extends Client/.exec(readFileSync(join(sdk, 'src', 'client.ts'), 'utf8'))?.[1];
  if (clientName === undefined) throw new Error(`${sdk}/src/client.ts declares no client class`);
  writeFileSync(
    oneCall,
    `import { ${clientName} as GitHub } from './src/index.js';\nconst github = new GitHub();\nconsole.log((await github.repos.get({ owner: 'octokit', repo: 'rest.js' })).full_name);\n`,
  );
  const oneFunction = join(sdk, 'app-one-function.ts');
  writeFileSync(
    oneFunction,
    "import { createClient, reposGet } from './src/functions.js';\nconst github = createClient();\nconsole.log((await reposGet(github, { owner: 'octokit', repo: 'rest.js' })).full_name);\n",
  );
  const runtimeOnly = join(sdk, 'app-runtime-only.ts');
  writeFileSync(
    runtimeOnly,
    "import { Client } from './src/runtime/index.js';\nconst client = new Client({ name: 'Empty', packageName: 'empty', envPrefix: 'EMPTY', servers: [], operations: {} } as never, {});\nconsole.log(client);\n",
  );
  const rows: Row[] = [];
  for (const [app, entry] of [
    ['GitHub one-call app, client.repos.get()', oneCall],
    ['GitHub one-call app, reposGet() from ./functions', oneFunction],
    ['runtime alone', runtimeOnly],
  ] as const) {
    for (const platform of ['node', 'browser'] as const) rows.push(await bundle(app, entry, platform));
  }
  console.log('| app | platform | min bytes | gzip bytes | loadable |');
  console.log('|---|---|---:|---:|---|');
  for (const row of rows) {
    const loadable = row.nodeImports.size === 0 ? 'yes' : `no: ${row.nodeImports.size} Node-only modules`;
    console.log(`| ${row.app} | ${row.platform} | ${row.bytes} | ${row.gzipBytes} | ${loadable} |`);
  }
  const browser = rows.find((r) => r.platform === 'browser' && r.nodeImports.size > 0);
  if (browser) {
    console.log(`\nNode-only imports left in the browser build of "${browser.app}" (module: importing files):`);
    for (const [module, files] of [...browser.nodeImports].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(
        `- ${module}: ${[...files]
          .sort()
          .map((f) => relative(REPO, f) || f)
          .join(', ')}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
