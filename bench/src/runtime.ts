/**
 * Section 3: runtime throughput on loopback. One keep-alive node:http server (R1's, from
 * bench/runtime-throughput.ts, in a child process), small JSON GETs at concurrency 1 and 32,
 * through: raw undici.request (the limit), a typed sdkgen call, undici fetch, openapi-fetch and a
 * hey-api fetch client. Rounds rotate the clients; req/s is the median round, latency
 * percentiles are over all timed calls. With 2+ cores and taskset the server runs on core 0 and
 * this process on core 1 (as in docs/anchors.md "Runtime throughput").
 *
 *   node --import tsx bench/src/runtime.ts [--quick] [--requests N] [--rounds N] [--no-pin]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent, fetch as undiciFetch, request } from 'undici';
import createClient from 'openapi-fetch';
import { runCalls } from './call-loop.js';
import { BENCH_DIR, isQuick, median, percentile, resultsFile } from './paths.js';
import {
  HEY_API,
  SDKGEN_BEARER_ENTRY,
  SDKGEN_ENTRY,
  canPin,
  generateBenchApis,
  pinSelf,
  startServer,
} from './clients.js';
import { RAW_BEARER, SDKGEN_BEARER, type RuntimeRow } from './types.js';

interface Pet {
  id: number;
  name: string;
}

type BenchSdk = new (o: object) => { pets: { get(p: { petId: number }): Promise<Pet> }; close(): Promise<void> };

/** Issue 15's measure "as users run it": a bearer token configured, the default log level. */
const BEARER_TOKEN = 'bench-token-0123456789';

function argNumber(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

async function timed(
  concurrency: number,
  total: number,
  call: () => Promise<unknown>,
  latencies?: number[],
): Promise<{ rps: number; cpuUs: number }> {
  const { ms, cpuUs } = await runCalls(concurrency, total, call, latencies);
  return { rps: (total / ms) * 1000, cpuUs: cpuUs / total };
}

async function main(): Promise<void> {
  const quick = isQuick();
  const requests = argNumber('--requests') ?? (quick ? 2_000 : 20_000);
  const rounds = argNumber('--rounds') ?? (quick ? 1 : 3);
  const warmup = quick ? 1_000 : 2_000;
  const pin = !quick && !process.argv.includes('--no-pin') && canPin();
  generateBenchApis();
  if (pin) pinSelf(1);
  const { child, port } = await startServer(join(BENCH_DIR, 'runtime-throughput.ts'), ['server'], pin ? 0 : undefined);
  const origin = `http://127.0.0.1:${port}`;
  try {
    const agent = new Agent({ connections: 50 });
    const fetchAgent = new Agent({ connections: 50 });
    const sdk = (await import(pathToFileURL(SDKGEN_ENTRY).href)) as { Bench: BenchSdk };
    const ours = new sdk.Bench({ baseUrl: origin, logLevel: 'off' });
    const bearerSdk = (await import(pathToFileURL(SDKGEN_BEARER_ENTRY).href)) as { Bench: BenchSdk };
    const oursBearer = new bearerSdk.Bench({ baseUrl: origin, auth: { bearerAuth: BEARER_TOKEN } });
    const hey = (await import(pathToFileURL(join(HEY_API, 'sdk.gen.ts')).href)) as {
      getPet(o: { path: { petId: number } }): Promise<{ data?: Pet }>;
    };
    const heyClient = (await import(pathToFileURL(join(HEY_API, 'client.gen.ts')).href)) as {
      client: { setConfig(c: object): void };
    };
    heyClient.client.setConfig({ baseUrl: origin });
    const of = createClient<{
      '/pets/{petId}': {
        get: { parameters: { path: { petId: number } }; responses: { 200: { content: { 'application/json': Pet } } } };
      };
    }>({ baseUrl: origin });

    const clients: Record<string, () => Promise<Pet | undefined>> = {
      'raw undici.request': async () => {
        const { body } = await request(`${origin}/pets/42`, {
          dispatcher: agent,
          headers: { accept: 'application/json' },
        });
        return (await body.json()) as Pet;
      },
      'sdkgen (typed call)': () => ours.pets.get({ petId: 42 }),
      [RAW_BEARER]: async () => {
        const { body } = await request(`${origin}/pets/42`, {
          dispatcher: agent,
          headers: { accept: 'application/json', authorization: `Bearer ${BEARER_TOKEN}` },
        });
        return (await body.json()) as Pet;
      },
      [SDKGEN_BEARER]: () => oursBearer.pets.get({ petId: 42 }),
      'undici fetch': async () => {
        const res = await undiciFetch(`${origin}/pets/42`, {
          dispatcher: fetchAgent,
          headers: { accept: 'application/json' },
        });
        return (await res.json()) as Pet;
      },
      'openapi-fetch': async () => (await of.GET('/pets/{petId}', { params: { path: { petId: 42 } } })).data,
      'hey-api (client-fetch)': async () => (await hey.getPet({ path: { petId: 42 } })).data,
    };
    const names = Object.keys(clients);
    for (const name of names) {
      const pet = await clients[name]!();
      if (pet?.id !== 42) throw new Error(`${name} returned ${JSON.stringify(pet)}, not pet 42`);
    }
    const rows: RuntimeRow[] = [];
    for (const concurrency of [1, 32]) {
      for (const name of names) await timed(concurrency, warmup, clients[name]!);
      const rps = new Map<string, number[]>(names.map((n) => [n, []]));
      const cpu = new Map<string, number[]>(names.map((n) => [n, []]));
      const lat = new Map<string, number[]>(names.map((n) => [n, []]));
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + round) % names.length]!;
          const r = await timed(concurrency, requests, clients[name]!, lat.get(name));
          rps.get(name)!.push(r.rps);
          cpu.get(name)!.push(r.cpuUs);
        }
      }
      const raw = median(rps.get(names[0]!)!);
      const rawBearer = median(rps.get(RAW_BEARER)!);
      for (const name of names) {
        const sorted = lat.get(name)!.sort((a, b) => a - b);
        const row: RuntimeRow = {
          client: name,
          concurrency,
          rps: median(rps.get(name)!),
          rpsAll: rps.get(name)!.map((x) => Math.round(x)),
          // The bearer row against raw undici sending the same header; every other row against plain raw.
          ratioToRaw: median(rps.get(name)!) / (name === SDKGEN_BEARER ? rawBearer : raw),
          cpuUsPerCall: median(cpu.get(name)!),
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
        };
        rows.push(row);
        process.stderr.write(
          `  runtime c=${String(concurrency).padStart(2)} ${name.padEnd(24)} ${row.rps.toFixed(0).padStart(6)} req/s  ratio ${row.ratioToRaw.toFixed(2)}  ${row.cpuUsPerCall.toFixed(0)} us CPU/call  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms.toFixed(2)} ms\n`,
        );
      }
    }
    writeFileSync(
      resultsFile('runtime', quick),
      JSON.stringify({ section: 'runtime', quick, requests, rounds, warmup, pinned: pin, rows }, null, 2),
    );
    await ours.close();
    await oursBearer.close();
    await agent.close();
    await fetchAgent.close();
  } finally {
    child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
