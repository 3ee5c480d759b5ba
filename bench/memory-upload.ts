/**
 * Memory of a streamed multipart upload: a 1 GB file (sparse, made in a temp dir) sent from its
 * path (fileFromPath) as a multipart part to a loopback server (child process) that discards the
 * bytes. Prints RSS growth over the run; target < 64 MB (the body is never buffered whole).
 *
 *   node --import tsx --expose-gc bench/memory-upload.ts [sizeMb=1024]
 *
 * Not a test (slow): run by hand, figures go into reports.
 */
import http from 'node:http';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The runtime's Node entry (undici transport, node:fs uploads), as a generated package's loads it.
import '../runtime/node.js';
import { Client, fileFromPath } from '../runtime/index.js';
import type { OperationDescriptor } from '../runtime/descriptor.js';
import { MB, MEMORY_BENCH_API, rssSampler, serveToParent, startChildServer } from './memory-common.js';

/** RSS growth we promise to stay under. */
const TARGET_MB = 64;

if (process.argv[2] === 'server') {
  const server = http.createServer((req, res) => {
    let received = 0;
    req.on('data', (chunk: Buffer) => (received += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received })));
  });
  serveToParent(server);
} else {
  const sizeMb = Number(process.argv[2] ?? 1024);
  const api = MEMORY_BENCH_API;
  const upload: OperationDescriptor = {
    id: 'upload',
    method: 'POST',
    path: '/upload',
    params: [],
    body: { mediaType: 'multipart/form-data', required: true, placement: 'flat', properties: ['file', 'note'] },
    response: { success: [{ status: '200', kind: 'json' }], accept: 'application/json' },
  };
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-bench-upload-'));
  const path = join(dir, 'big.bin');
  writeFileSync(path, '');
  truncateSync(path, sizeMb * MB); // sparse: no disk used, reads return zeros
  const { child, origin } = await startChildServer(fileURLToPath(import.meta.url));
  const client = new Client(api, { baseUrl: origin, logLevel: 'off', timeout: { total: 30 * 60_000 } });
  try {
    // Warm-up: code paths loaded and the pool connected before the baseline.
    await client.request(upload, { file: new Blob(['x']), note: 'warm-up' });
    const sampler = rssSampler();
    const started = performance.now();
    const result = await client.request<{ received: number }>(upload, {
      file: await fileFromPath(path),
      note: 'bench',
    });
    const seconds = (performance.now() - started) / 1000;
    const { baselineMb, peakMb, growthMb } = sampler.stop();
    console.log(
      `upload ${sizeMb} MB multipart from a path: server received ${(result.received / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(result.received / MB / seconds).toFixed(0)} MB/s)`,
    );
    console.log(
      `RSS baseline ${baselineMb.toFixed(1)} MB, peak ${peakMb.toFixed(1)} MB, growth ${growthMb.toFixed(1)} MB (target < ${TARGET_MB} MB): ${growthMb < TARGET_MB ? 'OK' : 'OVER'}`,
    );
  } finally {
    await client.close();
    child.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
