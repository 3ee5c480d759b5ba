/**
 * Runtime throughput: small JSON GETs over one keep-alive node:http server on loopback, through
 * (a) raw undici.request on an Agent and (b) a typed call through our Client (hand-written
 * descriptor, no generator). Prints req/s and the ratio b/a at concurrency 1 and 32.
 *
 *   node --import tsx bench/runtime-throughput.ts [requests=20000] [rounds=3] [compiled-runtime.js]
 *
 * The optional third argument is a tsc-compiled copy of the runtime (a generated SDK's
 * dist/runtime/index.js; its node.js beside it is loaded first, as the package's Node entry
 * does): what users actually run, without tsx's per-closure keepNames wrappers.
 *
 * The server runs in a child process so client CPU is measured apart from server CPU (on a
 * 2-core box the two then use one core each, as in docs/anchors.md "Runtime throughput").
 * Each round alternates raw/ours in small slices; the median round is reported. Not a test: no
 * assertions.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
// The runtime's Node entry: the undici transport (without it the Client would send through fetch).
import '../runtime/node.js';
import { Client as SourceClient } from '../runtime/index.js';
import type { ApiDescriptor, OperationDescriptor } from '../runtime/descriptor.js';
import { runCalls } from './src/call-loop.js';

const REQUESTS = Number(process.argv[2] === 'server' ? 0 : (process.argv[2] ?? 20_000));
const ROUNDS = Number(process.argv[3] ?? 3);
const COMPILED_RUNTIME = process.argv[4];
const WARMUP = 2_000;
/**
 * Each round alternates raw/ours in slices this small, so a neighbour's load spike hits both
 * sides alike (the box is shared): the ratio is what matters, absolute req/s are noisy.
 */
const SLICES = 10;
const CONCURRENCIES = [1, 32];

/**
 * SDKGEN_BENCH_AUTH=bearer: the operation declares a bearer scheme and both sides send the token (issue
 * 15 measures "as users run it"); SDKGEN_BENCH_LOG=default: the client keeps its default log level.
 */
const WITH_BEARER = process.env.SDKGEN_BENCH_AUTH === 'bearer';
const DEFAULT_LOGGING = process.env.SDKGEN_BENCH_LOG === 'default';
const BEARER_TOKEN = 'bench-token-0123456789';

const PAYLOAD = JSON.stringify({ id: 42, name: 'Rex', tag: 'dog', status: 'available', tags: ['a', 'b'] });

const api: ApiDescriptor = {
  name: 'Bench',
  packageName: 'bench-sdk',
  packageVersion: '1.0.0',
  envPrefix: 'BENCH',
  servers: [{ url: 'http://127.0.0.1', name: 'local' }],
  securitySchemes: WITH_BEARER ? { bearerAuth: { type: 'http', scheme: 'bearer' } } : {},
};

const getPet: OperationDescriptor = {
  id: 'getPet',
  method: 'GET',
  path: '/pets/{petId}',
  params: [{ name: 'petId', in: 'path', style: 'simple', explode: false, required: true }],
  response: { success: [{ status: '200', kind: 'json', mediaType: 'application/json' }], accept: 'application/json' },
  ...(WITH_BEARER ? { security: [['bearerAuth']] } : {}),
};

interface Pet {
  id: number;
  name: string;
}

async function startServerProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['server'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  return { child, port };
}

interface Measured {
  ms: number;
  cpuUs: number;
  calls: number;
}

async function run(concurrency: number, total: number, call: () => Promise<unknown>, into?: Measured): Promise<void> {
  const { ms, cpuUs } = await runCalls(concurrency, total, call);
  if (into) {
    into.ms += ms;
    into.cpuUs += cpuUs;
    into.calls += total;
  }
}

/** Alternates the two clients in slices; returns req/s and CPU per call for each. */
async function round(concurrency: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const ma: Measured = { ms: 0, cpuUs: 0, calls: 0 };
  const mb: Measured = { ms: 0, cpuUs: 0, calls: 0 };
  for (let slice = 0; slice < SLICES; slice++) {
    await run(concurrency, REQUESTS / SLICES, a, ma);
    await run(concurrency, REQUESTS / SLICES, b, mb);
  }
  const summary = (m: Measured) => ({ rps: (m.calls / m.ms) * 1000, cpuUsPerCall: m.cpuUs / m.calls });
  return { a: summary(ma), b: summary(mb) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const { child, port } = await startServerProcess();
  const origin = `http://127.0.0.1:${port}`;
  const agent = new Agent({ connections: 50 });
  if (COMPILED_RUNTIME) await import(pathToFileURL(resolve(COMPILED_RUNTIME, '..', 'node.js')).href);
  const Client: typeof SourceClient = COMPILED_RUNTIME
    ? ((await import(pathToFileURL(resolve(COMPILED_RUNTIME)).href)) as { Client: typeof SourceClient }).Client
    : SourceClient;
  const client = new Client(api, {
    baseUrl: origin,
    ...(DEFAULT_LOGGING ? {} : { logLevel: 'off' as const }),
    ...(WITH_BEARER ? { auth: { bearerAuth: BEARER_TOKEN } } : {}),
  });
  const rawHeaders: Record<string, string> = WITH_BEARER
    ? { accept: 'application/json', authorization: `Bearer ${BEARER_TOKEN}` }
    : { accept: 'application/json' };

  const raw = async (): Promise<Pet> => {
    const { body } = await request(`${origin}/pets/42`, { dispatcher: agent, headers: rawHeaders });
    return (await body.json()) as Pet;
  };
  const ours = (): Promise<Pet> => client.request<Pet>(getPet, { petId: 42 });

  console.log(
    `node ${process.versions.node}, ${REQUESTS} requests per phase, ${ROUNDS} rounds (median), runtime: ${COMPILED_RUNTIME ?? 'runtime/ via tsx'}, auth: ${WITH_BEARER ? 'bearer' : 'none'}, logging: ${DEFAULT_LOGGING ? 'default' : 'off'}`,
  );
  for (const concurrency of CONCURRENCIES) {
    await run(concurrency, WARMUP, raw);
    await run(concurrency, WARMUP, ours);
    const rawRps: number[] = [];
    const ourRps: number[] = [];
    const rawCpu: number[] = [];
    const ourCpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const { a, b } = await round(concurrency, raw, ours);
      rawRps.push(a.rps);
      ourRps.push(b.rps);
      rawCpu.push(a.cpuUsPerCall);
      ourCpu.push(b.cpuUsPerCall);
    }
    const r = median(rawRps);
    const o = median(ourRps);
    console.log(
      `c=${String(concurrency).padStart(2)}  raw undici ${r.toFixed(0).padStart(6)} req/s (${median(rawCpu).toFixed(0)} us CPU/call)` +
        `  sdkgen ${o.toFixed(0).padStart(6)} req/s (${median(ourCpu).toFixed(0)} us CPU/call)  ratio ${(o / r).toFixed(2)}`,
    );
  }
  await client.close();
  await agent.close();
  child.kill();
}

if (process.argv[2] === 'server') {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PAYLOAD) });
    res.end(PAYLOAD);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
