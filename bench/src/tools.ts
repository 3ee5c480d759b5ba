/**
 * The generators compared, how each is run, and the consumer code that calls two GitHub
 * operations (repos/get, issues/list-for-repo) through each one's output. One table so that every
 * section (generation, type-check, bundle) treats the tools the same way.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, BIN_DIR, SDKGEN_CLI } from './paths.js';

import type { ToolId } from './types.js';

export type { ToolId };

export interface Tool {
  readonly id: ToolId;
  readonly label: string;
  /** npm package whose version is reported ('sdkgen' is this checkout). */
  readonly pkg: string;
  /** Emits callable functions/classes (not only types): the generation target compares against these. */
  readonly fullClient: boolean;
  /** `node <script> ...args`, run with the output folder already created and empty. */
  command(spec: string, outDir: string): { script: string; args: string[] };
}

function bin(name: string): string {
  return realpathSync(join(BIN_DIR, name));
}

export const TOOLS: readonly Tool[] = [
  {
    id: 'sdkgen',
    label: 'sdkgen',
    pkg: 'sdkgen',
    fullClient: true,
    command: (spec, out) => ({
      script: SDKGEN_CLI,
      args: ['generate', spec, '-o', out, '-c', join(BENCH_DIR, 'fixtures', 'github.sdkgen.yaml'), '--json'],
    }),
  },
  {
    id: 'hey-api',
    label: 'hey-api (client-fetch)',
    pkg: '@hey-api/openapi-ts',
    fullClient: true,
    command: (spec, out) => ({
      script: bin('openapi-ts'),
      args: ['-i', spec, '-o', out, '-c', '@hey-api/client-fetch', '-s', '--no-log-file'],
    }),
  },
  {
    id: 'orval',
    label: 'orval (fetch)',
    pkg: 'orval',
    fullClient: true,
    command: (spec, out) => ({
      script: bin('orval'),
      args: ['-i', spec, '-o', join(out, 'api.ts'), '--client', 'fetch'],
    }),
  },
  {
    id: 'openapi-typescript',
    label: 'openapi-typescript (types only)',
    pkg: 'openapi-typescript',
    fullClient: false,
    // .ts, not .d.ts, so that skipLibCheck does not hide errors in it.
    command: (spec, out) => ({ script: bin('openapi-typescript'), args: [spec, '-o', join(out, 'schema.ts')] }),
  },
  {
    id: 'oazapfts',
    label: 'oazapfts',
    pkg: 'oazapfts',
    fullClient: true,
    command: (spec, out) => ({ script: bin('oazapfts'), args: [spec, join(out, 'api.ts')] }),
  },
  {
    id: 'swagger-typescript-api',
    label: 'swagger-typescript-api (fetch)',
    pkg: 'swagger-typescript-api',
    fullClient: true,
    command: (spec, out) => ({
      script: bin('swagger-typescript-api'),
      args: ['generate', '-p', spec, '-o', out, '-n', 'api.ts', '--silent'],
    }),
  },
];

/** A consumer of one tool's output; `out/` is that tool's output folder next to the file. */
export interface Consumer {
  readonly id: string;
  readonly tool: ToolId;
  readonly label: string;
  /** Type-check consumer: calls repos/get and issues/list-for-repo and reads typed fields. */
  readonly typecheck: string;
  /** One-call app for the bundle size (repos/get only). */
  readonly app?: string;
}

const OWNER = `'octocat'`;
const REPO = `'hello-world'`;

/** orval and oazapfts both emit one function per operation returning `{ status, data }`: one consumer fits both. */
const STATUS_RESULT_CONSUMER = {
  typecheck: `import { issuesListForRepo, reposGet } from './out/api.js';
export async function main(): Promise<string[]> {
  const repo = await reposGet(${OWNER}, ${REPO});
  const titles: string[] = repo.status === 200 ? [repo.data.full_name] : [];
  const issues = await issuesListForRepo(${OWNER}, ${REPO}, { state: 'open' });
  if (issues.status === 200) for (const issue of issues.data) titles.push(issue.title);
  return titles;
}
`,
  app: `import { reposGet } from './out/api.js';
const repo = await reposGet(${OWNER}, ${REPO});
if (repo.status === 200) console.log(repo.data.full_name);
`,
};

export const CONSUMERS: readonly Consumer[] = [
  {
    id: 'sdkgen',
    tool: 'sdkgen',
    label: 'sdkgen',
    // The built package by its name (bench/fixtures/github.sdkgen.yaml), as installed: see tsc.ts.
    typecheck: `import { GitHub } from '@bench/github';
export async function main(): Promise<string[]> {
  const gh = new GitHub({ baseUrl: 'https://api.github.com' });
  const repo = await gh.repos.get({ owner: ${OWNER}, repo: ${REPO} });
  const titles: string[] = [repo.full_name];
  for await (const issue of gh.issues.listForRepo({ owner: ${OWNER}, repo: ${REPO}, state: 'open' })) titles.push(issue.title);
  return titles;
}
`,
    app: `import { GitHub } from './out/src/index.node.js';
const gh = new GitHub({ baseUrl: 'https://api.github.com' });
const repo = await gh.repos.get({ owner: ${OWNER}, repo: ${REPO} });
console.log(repo.full_name);
`,
  },
  {
    id: 'hey-api',
    tool: 'hey-api',
    label: 'hey-api (client-fetch)',
    typecheck: `import { client } from './out/client.gen.js';
import { issuesListForRepo, reposGet } from './out/sdk.gen.js';
export async function main(): Promise<string[]> {
  client.setConfig({ baseUrl: 'https://api.github.com' });
  const repo = await reposGet({ path: { owner: ${OWNER}, repo: ${REPO} } });
  const titles: string[] = repo.data ? [repo.data.full_name] : [];
  const issues = await issuesListForRepo({ path: { owner: ${OWNER}, repo: ${REPO} }, query: { state: 'open' } });
  for (const issue of issues.data ?? []) titles.push(issue.title);
  return titles;
}
`,
    app: `import { client } from './out/client.gen.js';
import { reposGet } from './out/sdk.gen.js';
client.setConfig({ baseUrl: 'https://api.github.com' });
const repo = await reposGet({ path: { owner: ${OWNER}, repo: ${REPO} } });
console.log(repo.data?.full_name);
`,
  },
  {
    id: 'orval',
    tool: 'orval',
    label: 'orval (fetch)',
    ...STATUS_RESULT_CONSUMER,
  },
  {
    id: 'openapi-typescript',
    tool: 'openapi-typescript',
    label: 'openapi-typescript (types only)',
    // The cheapest use of the types: name the two operations' response bodies.
    typecheck: `import type { operations } from './out/schema.js';
type Repo = operations['repos/get']['responses'][200]['content']['application/json'];
type Issues = operations['issues/list-for-repo']['responses'][200]['content']['application/json'];
export function main(repo: Repo, issues: Issues): string[] {
  return [repo.full_name, ...issues.map((issue) => issue.title)];
}
`,
  },
  {
    id: 'openapi-fetch',
    tool: 'openapi-typescript',
    label: 'openapi-typescript + openapi-fetch',
    typecheck: `import createClient from 'openapi-fetch';
import type { paths } from './out/schema.js';
export async function main(): Promise<string[]> {
  const client = createClient<paths>({ baseUrl: 'https://api.github.com' });
  const repo = await client.GET('/repos/{owner}/{repo}', { params: { path: { owner: ${OWNER}, repo: ${REPO} } } });
  const titles: string[] = repo.data ? [repo.data.full_name] : [];
  const issues = await client.GET('/repos/{owner}/{repo}/issues', { params: { path: { owner: ${OWNER}, repo: ${REPO} }, query: { state: 'open' } } });
  for (const issue of issues.data ?? []) titles.push(issue.title);
  return titles;
}
`,
    app: `import createClient from 'openapi-fetch';
import type { paths } from './out/schema.js';
const client = createClient<paths>({ baseUrl: 'https://api.github.com' });
const repo = await client.GET('/repos/{owner}/{repo}', { params: { path: { owner: ${OWNER}, repo: ${REPO} } } });
console.log(repo.data?.full_name);
`,
  },
  {
    id: 'oazapfts',
    tool: 'oazapfts',
    label: 'oazapfts',
    ...STATUS_RESULT_CONSUMER,
  },
  {
    id: 'swagger-typescript-api',
    tool: 'swagger-typescript-api',
    label: 'swagger-typescript-api (fetch)',
    typecheck: `import { Api } from './out/api.js';
export async function main(): Promise<string[]> {
  const api = new Api({ baseUrl: 'https://api.github.com' });
  const repo = await api.repos.reposGet(${OWNER}, ${REPO});
  const titles: string[] = [repo.data.full_name];
  const issues = await api.repos.issuesListForRepo(${OWNER}, ${REPO}, { state: 'open' });
  for (const issue of issues.data) titles.push(issue.title);
  return titles;
}
`,
    app: `import { Api } from './out/api.js';
const api = new Api({ baseUrl: 'https://api.github.com' });
const repo = await api.repos.reposGet(${OWNER}, ${REPO});
console.log(repo.data.full_name);
`,
  },
];
