/**
 * Bundle sizes per platform (issue 15): esbuild --bundle --minify of
 *   - a one-call app on GitHub's SDK (`repos.get`), and
 *   - the runtime alone (a Client on an empty API),
 * for Node (platform node, from the package's Node entries src/*.node.ts; undici external: it is
 * the package's dependency) and for the browser (platform browser, from the platform-neutral
 * entries src/index.ts and src/functions.ts, nothing external: a Node-only import would fail the
 * build). Bytes and gzip -9 bytes.
 *
 *   node --import tsx bench/bundle-platforms.ts [github-sdk-dir]
 *
 * Without an argument, GitHub's SDK is generated into .tmp/platforms/github from
 * .cache/corpus/github.json. Prints a Markdown table; writes nothing else (not results.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

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

async function bundle(app: string, entry: string, platform: Row['platform']): Promise<Row> {
  const outfile = entry.replace(/\.ts$/, `.${platform}.js`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    // Node: undici is the package's dependency, installed beside it. Browser: nothing external.
    external: platform === 'node' ? ['undici'] : [],
    logLevel: 'silent',
  });
  const code = readFileSync(outfile);
  return { app, platform, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

async function main(): Promise<void> {
  const sdk = githubSdk();
  mkdirSync(OUT, { recursive: true });
  // The client class is named after the spec's title (no config here): read it from client.ts.
  const clientName = /export class (\w+) extends Client/.exec(readFileSync(join(sdk, 'src', 'client.ts'), 'utf8'))?.[1];
  if (clientName === undefined) throw new Error(`${sdk}/src/client.ts declares no client class`);
  /** Each app twice: over the Node entry (platform node) and the neutral entry (platform browser). */
  const apps = [
    [
      'GitHub one-call app, client.repos.get()',
      'app-one-call',
      (entry: string) =>
        `import { ${clientName} as GitHub } from './src/${entry}.js';\nconst github = new GitHub();\nconsole.log((await github.repos.get({ owner: 'octokit', repo: 'rest.js' })).full_name);\n`,
      ['index.node', 'index'],
    ],
    [
      'GitHub one-call app, reposGet() from ./functions',
      'app-one-function',
      (entry: string) =>
        `import { createClient, reposGet } from './src/${entry}.js';\nconst github = createClient();\nconsole.log((await reposGet(github, { owner: 'octokit', repo: 'rest.js' })).full_name);\n`,
      ['functions.node', 'functions'],
    ],
    [
      'runtime alone',
      'app-runtime-only',
      (entry: string) =>
        `${entry === 'node' ? "import './src/runtime/node.js';\n" : ''}import { Client } from './src/runtime/index.js';\nconst client = new Client({ name: 'Empty', packageName: 'empty', envPrefix: 'EMPTY', servers: [], operations: {} } as never, {});\nconsole.log(client);\n`,
      ['node', 'neutral'],
    ],
  ] as const;
  const rows: Row[] = [];
  for (const [app, file, source, [nodeEntry, webEntry]] of apps) {
    for (const [platform, entry] of [
      ['node', nodeEntry],
      ['browser', webEntry],
    ] as const) {
      const path = join(sdk, `${file}-${platform}.ts`);
      writeFileSync(path, source(entry));
      rows.push(await bundle(app, path, platform));
    }
  }
  console.log('| app | platform | min bytes | gzip bytes |');
  console.log('|---|---|---:|---:|');
  for (const row of rows) console.log(`| ${row.app} | ${row.platform} | ${row.bytes} | ${row.gzipBytes} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
