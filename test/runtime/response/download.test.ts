/**
 * downloadToFile: streams a binary response to disk and resumes a dropped body with Range /
 * If-Range. The loopback server cuts the connection after CUT_AT bytes on the first request;
 * the file's sha256 must match the source whether the server honours Range (206, appended) or
 * ignores it (200, restarted).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Client, SdkError, downloadToFile, type BinaryResponse } from '../../../runtime/index.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, startRawServer } from '../support/raw-server.js';

/** Big enough to span many chunks, small enough to keep the test fast. */
const SIZE = 3 * 1024 * 1024 + 17;
/** Where the first response is cut: mid-body, not on a chunk boundary. */
const CUT_AT = 1_000_003;
const ETAG = '"v1-strong"';

const track = cleanup();
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-download-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const source = randomBytes(SIZE);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Sends `bytes` but destroys the socket after `cutAt` of them (a dropped connection). */
function sendCut(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  bytes: Buffer,
  cutAt: number | undefined,
): void {
  res.writeHead(status, {
    'content-type': 'application/octet-stream',
    'content-length': bytes.length,
    etag: ETAG,
    ...headers,
  });
  if (cutAt === undefined) return void res.end(bytes);
  res.write(bytes.subarray(0, cutAt), () => setTimeout(() => res.socket?.destroy(), 20));
}

function rangeStart(req: IncomingMessage): number | undefined {
  const match = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ''));
  return match ? Number(match[1]) : undefined;
}

async function setup(honourRange: boolean, cutsOnEveryRequest = false) {
  const server = track.server(
    await startRawServer((req, res, _seen, hit) => {
      const cut = hit === 1 || cutsOnEveryRequest ? CUT_AT : undefined;
      const start = honourRange && req.headers['if-range'] === ETAG ? rangeStart(req) : undefined;
      if (start === undefined) return sendCut(res, 200, {}, source, cut);
      sendCut(res, 206, { 'content-range': `bytes ${start}-${SIZE - 1}/${SIZE}` }, source.subarray(start), cut);
    }),
  );
  const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
  const download = (headers: Record<string, string>) => client.request<BinaryResponse>(ops.download, {}, { headers });
  return { server, download };
}

/**
 * The resume offset is what reached the file: up to CUT_AT (bytes in flight when the socket is
 * destroyed can be lost to a reset on a busy machine), never 0 and never more.
 */
function assertResumedFromWritten(range: string | string[] | undefined): void {
  const start = Number(/^bytes=(\d+)-$/.exec(String(range))?.[1]);
  assert.ok(start > 0 && start <= CUT_AT, `Range ${String(range)}`);
}

describe('downloadToFile', () => {
  test('a body cut mid-way is resumed with Range + If-Range and appended (206)', async () => {
    const { server, download } = await setup(true);
    const path = join(dir, 'resumed.bin');
    const result = await downloadToFile(download, path);
    assert.deepEqual(result, { path, bytes: SIZE, attempts: 2, resumed: 1 });
    assert.equal(sha256(readFileSync(path)), sha256(source));
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0]!.headers.range, undefined);
    assert.equal(server.requests[0]!.headers['accept-encoding'], 'identity');
    assertResumedFromWritten(server.requests[1]!.headers.range);
    assert.equal(server.requests[1]!.headers['if-range'], ETAG);
  });

  test('a server that ignores Range (200) is restarted from zero and still gives the right file', async () => {
    const { server, download } = await setup(false);
    const path = join(dir, 'restarted.bin');
    const result = await downloadToFile(download, path);
    assert.deepEqual(result, { path, bytes: SIZE, attempts: 2, resumed: 0 });
    assert.equal(sha256(readFileSync(path)), sha256(source));
    assertResumedFromWritten(server.requests[1]!.headers.range);
  });

  test('attempts are bounded: a connection that drops every time fails with SdkError', async () => {
    const { server, download } = await setup(false, true);
    const path = join(dir, 'never.bin');
    await assert.rejects(downloadToFile(download, path, { maxAttempts: 3 }), (error: unknown) => {
      assert.ok(error instanceof SdkError);
      assert.match((error as Error).message, /incomplete after 3 attempts/);
      return true;
    });
    assert.equal(server.requests.length, 3);
  });
});
