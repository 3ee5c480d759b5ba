/**
 * Section 4: Link-header pagination. A loopback server serves ITEMS items over PAGES pages
 * (`Link: <...?page=n+1>; rel="next"`); each client runs in its own process (so RSS is its own)
 * and walks every item. Reported: time, items/s, and RSS growth = highest RSS sampled once per
 * page minus RSS before the first request (after a GC).
 *
 *   node --import tsx bench/src/pagination.ts [--quick] [--pages N] [--per-page N]
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isQuick, resultsFile } from './paths.js';
import { SDKGEN_ENTRY, generateBenchApis, startServer } from './clients.js';
import type { PaginationRow } from './types.js';

const SELF = import.meta.filename;

function argNumber(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

function serve(pages: number, perPage: number): void {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const size = Math.min(perPage, Number(url.searchParams.get('per_page') ?? perPage));
    const items = [];
    for (let i = 0; i < size; i++) {
      const id = (page - 1) * size + i + 1;
      items.push({ id, name: `item-${id}` });
    }
    const body = JSON.stringify(page <= pages ? items : []);
    const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
    const links = [
      `<${self}?page=1&per_page=${size}>; rel="first"`,
      `<${self}?page=${pages}&per_page=${size}>; rel="last"`,
    ];
    if (page < pages) links.unshift(`<${self}?page=${page + 1}&per_page=${size}>; rel="next"`);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      link: links.join(', '),
    });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
}

/** Runs in the client process: walks every item, prints one JSON line. */
async function walk(client: string, origin: string, perPage: number): Promise<void> {
  let iterate: () => AsyncIterable<{ id: number }>;
  let close = async (): Promise<void> => {};
  if (client === 'sdkgen') {
    const sdk = (await import(pathToFileURL(SDKGEN_ENTRY).href)) as {
      Bench: new (
        o: object,
      ) => { items: { list(p: { per_page: number }): AsyncIterable<{ id: number }> }; close(): Promise<void> };
    };
    const api = new sdk.Bench({ baseUrl: origin, logLevel: 'off' });
    iterate = () => api.items.list({ per_page: perPage });
    close = () => api.close();
  } else {
    // Hand-written baseline: undici.request and a minimal rel="next" parser.
    const { Agent, request } = await import('undici');
    const agent = new Agent({ connections: 50 });
    iterate = async function* () {
      let next: string | undefined = `${origin}/items?per_page=${perPage}`;
      while (next) {
        const res: Awaited<ReturnType<typeof request>> = await request(next, { dispatcher: agent });
        const link: string = String(res.headers.link ?? '');
        next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
        yield* (await res.body.json()) as { id: number }[];
      }
    };
    close = () => agent.close();
  }
  // One page first so lazy module/JIT/pool setup is not counted as growth.
  for await (const _ of iterate()) break;
  globalThis.gc?.();
  const rssStart = process.memoryUsage.rss();
  let peak = rssStart;
  let items = 0;
  let last = 0;
  const started = performance.now();
  for await (const item of iterate()) {
    items++;
    if (item.id !== items) throw new Error(`item ${items} has id ${item.id}`);
    if (items - last >= perPage) {
      last = items;
      peak = Math.max(peak, process.memoryUsage.rss());
    }
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage.rss());
  await close();
  process.stdout.write(`${JSON.stringify({ items, ms, rssStart, peak })}\n`);
}

function runClient(
  client: string,
  origin: string,
  perPage: number,
): Promise<{ items: number; ms: number; rssStart: number; peak: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', SELF, 'client', client, origin, String(perPage)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        if (code !== 0) throw new Error(`client ${client} exited with ${code}`);
        resolve(
          JSON.parse(out.trim().split('\n').pop()!) as { items: number; ms: number; rssStart: number; peak: number },
        );
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

async function main(): Promise<void> {
  const quick = isQuick();
  const pages = argNumber('--pages') ?? (quick ? 20 : 1_000);
  const perPage = argNumber('--per-page') ?? 100;
  generateBenchApis();
  const { child, port } = await startServer(SELF, ['server', String(pages), String(perPage)]);
  const origin = `http://127.0.0.1:${port}`;
  const rows: PaginationRow[] = [];
  const mb = (b: number): number => b / 1024 / 1024;
  try {
    for (const client of ['sdkgen', 'raw undici.request + Link regex']) {
      try {
        const r = await runClient(client === 'sdkgen' ? 'sdkgen' : 'raw', origin, perPage);
        if (r.items !== pages * perPage) throw new Error(`walked ${r.items} items, expected ${pages * perPage}`);
        rows.push({
          client,
          ok: true,
          items: r.items,
          pages,
          ms: r.ms,
          itemsPerS: (r.items / r.ms) * 1000,
          rssStartMb: mb(r.rssStart),
          rssPeakMb: mb(r.peak),
          rssGrowthMb: mb(r.peak - r.rssStart),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        rows.push({
          client,
          ok: false,
          error: message,
          items: 0,
          pages,
          ms: 0,
          itemsPerS: 0,
          rssStartMb: 0,
          rssPeakMb: 0,
          rssGrowthMb: 0,
        });
      }
      const row = rows.at(-1)!;
      process.stderr.write(
        `  pagination ${client.padEnd(32)} ${row.ok ? `${row.items} items in ${(row.ms / 1000).toFixed(2)} s, RSS +${row.rssGrowthMb.toFixed(1)} MiB` : `FAILED ${row.error}`}\n`,
      );
    }
  } finally {
    child.kill();
  }
  writeFileSync(
    resultsFile('pagination', quick),
    JSON.stringify({ section: 'pagination', quick, pages, perPage, rows }, null, 2),
  );
}

if (process.argv[2] === 'server') serve(Number(process.argv[3]), Number(process.argv[4]));
else if (process.argv[2] === 'client') {
  walk(process.argv[3]!, process.argv[4]!, Number(process.argv[5])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
