/**
 * Memory of Link-header pagination: 100,000 items over 1,000 pages (rel="next" links) from a
 * loopback server in a child process, consumed with `for await` over client.paginate(). Prints
 * RSS growth; target < 64 MB (one page held at a time, runtime.md "Pagination").
 *
 *   node --import tsx --expose-gc bench/memory-pagination.ts [pages=1000] [perPage=100]
 *
 * Not a test (slow): run by hand, figures go into reports.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
// The runtime's Node entry (undici transport, node:fs uploads), as a generated package's loads it.
import '../runtime/node.js';
import { Client } from '../runtime/index.js';
import type { OperationDescriptor } from '../runtime/descriptor.js';
import { MEMORY_BENCH_API, rssSampler, serveToParent, startChildServer } from './memory-common.js';

const TARGET_MB = 64;
/** Client-mode arguments (the server child gets 'server' and reads sizes from each request's query). */
const PAGES = Number(process.argv[2] ?? 1000);
const PER_PAGE = Number(process.argv[3] ?? 100);

if (process.argv[2] === 'server') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const page = Number(url.searchParams.get('page') ?? 1);
    const per = Number(url.searchParams.get('per_page') ?? 100);
    const items = Array.from({ length: per }, (_, i) => ({
      id: (page - 1) * per + i,
      name: `item-${(page - 1) * per + i}`,
      tags: ['a', 'b'],
    }));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const last = Number(url.searchParams.get('pages') ?? 1000);
    if (page < last) headers.link = `</items?page=${page + 1}&per_page=${per}&pages=${last}>; rel="next"`;
    res.writeHead(200, headers).end(JSON.stringify(items));
  });
  serveToParent(server);
} else {
  const api = MEMORY_BENCH_API;
  const list: OperationDescriptor = {
    id: 'listItems',
    method: 'GET',
    path: '/items',
    params: [
      { name: 'per_page', in: 'query', style: 'form', explode: true, required: false },
      { name: 'pages', in: 'query', style: 'form', explode: true, required: false },
    ],
    response: { success: [{ status: '200', kind: 'json', mediaType: 'application/json' }], accept: 'application/json' },
    pagination: { style: 'link' },
  };
  const { child, origin } = await startChildServer(fileURLToPath(import.meta.url));
  const client = new Client(api, { baseUrl: origin, logLevel: 'off', timeout: { total: 30 * 60_000 } });
  try {
    // Warm-up: a few pages, so code is loaded and the pool connected before the baseline.
    let warm = 0;
    for await (const _ of client.paginate(list, { per_page: PER_PAGE, pages: 3 })) warm++;
    const sampler = rssSampler();
    const started = performance.now();
    let count = 0;
    let idSum = 0;
    for await (const item of client.paginate<{ id: number }>(
      list,
      { per_page: PER_PAGE, pages: PAGES },
      { maxPages: PAGES + 1 },
    )) {
      count++;
      idSum += item.id;
    }
    const seconds = (performance.now() - started) / 1000;
    const { baselineMb, peakMb, growthMb } = sampler.stop();
    const expectedSum = ((PAGES * PER_PAGE - 1) * PAGES * PER_PAGE) / 2;
    console.log(
      `paginate: ${count} items over ${PAGES} Link pages in ${seconds.toFixed(1)} s (${warm} warm-up items); ids ${idSum === expectedSum ? 'complete' : 'WRONG'}`,
    );
    console.log(
      `RSS baseline ${baselineMb.toFixed(1)} MB, peak ${peakMb.toFixed(1)} MB, growth ${growthMb.toFixed(1)} MB (target < ${TARGET_MB} MB): ${growthMb < TARGET_MB ? 'OK' : 'OVER'}`,
    );
  } finally {
    await client.close();
    child.disconnect();
  }
}
