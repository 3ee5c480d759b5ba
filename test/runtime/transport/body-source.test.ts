/**
 * The platform-neutral body (runtime/transport/body-source.ts and the readers over it) with web
 * ReadableStreams, the body a fetch Response gives in browsers and workers; Node streams are
 * covered by every other runtime suite. And bytes.ts against Buffer, which it stands in for.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { webStreamBody } from '../../../runtime/transport/body-source.js';
import { readBody } from '../../../runtime/response/read-body.js';
import { IdleTimeoutBody } from '../../../runtime/response/idle-timeout-body.js';
import { fetchTransport, platformStreamsRequests } from '../../../runtime/transport/fetch.js';
import { AttemptAbort } from '../../../runtime/transport/attempt-abort.js';
import { targetOf } from '../../../runtime/transport/target.js';

const encoder = new TextEncoder();
const BYTES_MODULE = fileURLToPath(new URL('../../../runtime/bytes.ts', import.meta.url));
const NO_WATCH = { refresh() {} };

/** A web stream of these chunks; `hang`: then never ends. Records whether it was cancelled. */
function webStream(chunks: string[], hang = false) {
  const state = { cancelled: false as boolean, reason: undefined as unknown };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!hang) controller.close();
    },
    cancel(reason) {
      state.cancelled = true;
      state.reason = reason;
    },
  });
  return { stream, state };
}

describe('webStreamBody', () => {
  test('yields the chunks in order, then ends', async () => {
    const { stream } = webStream(['a', 'bc', 'def']);
    const seen: string[] = [];
    for await (const chunk of webStreamBody(stream)) seen.push(new TextDecoder().decode(chunk));
    assert.deepEqual(seen, ['a', 'bc', 'def']);
  });

  test('destroy(error) fails a pending read with that error and cancels the stream', async () => {
    const { stream, state } = webStream(['a'], true);
    const body = webStreamBody(stream);
    const iterator = body[Symbol.asyncIterator]();
    assert.equal(new TextDecoder().decode((await iterator.next()).value), 'a');
    const pending = iterator.next();
    const error = new Error('read timeout');
    body.destroy(error);
    await assert.rejects(pending, (e) => e === error);
    assert.equal(state.cancelled, true);
  });

  test('readBody: caps the body, destroying the rest', async () => {
    const { stream, state } = webStream(['12345', '67890', 'abcde'], true);
    const read = await readBody(webStreamBody(stream), NO_WATCH, 7);
    assert.equal(new TextDecoder().decode(read.bytes), '1234567');
    assert.equal(read.truncated, true);
    assert.equal(state.cancelled, true);
  });
});

describe('IdleTimeoutBody over a web body', () => {
  test('a stall while the caller waits fails with the idle error, once, and releases', async () => {
    const { stream, state } = webStream(['a'], true);
    let released = 0;
    const stalled = new Error('stalled');
    const body = new IdleTimeoutBody(
      webStreamBody(stream),
      50,
      () => stalled,
      () => released++,
    );
    const started = performance.now();
    const seen: Uint8Array[] = [];
    await assert.rejects(
      async () => {
        for await (const chunk of body) seen.push(chunk);
      },
      (e) => e === stalled,
    );
    const elapsed = performance.now() - started;
    assert.equal(seen.length, 1);
    assert.ok(elapsed >= 50 && elapsed < 1_000, `fired after ${elapsed} ms`);
    assert.equal(released, 1);
    assert.equal(state.cancelled, true);
  });

  test('the timer does not run while the caller is busy between reads', async () => {
    const { stream } = webStream(['a', 'b']);
    const body = new IdleTimeoutBody(
      webStreamBody(stream),
      30,
      () => new Error('stalled'),
      () => {},
    );
    const seen: string[] = [];
    for await (const chunk of body) {
      seen.push(new TextDecoder().decode(chunk));
      await new Promise((resolve) => setTimeout(resolve, 80)); // slower than the timeout: not the server's fault
    }
    assert.deepEqual(seen, ['a', 'b']);
  });

  test('destroy() without an error ends a pending read', async () => {
    const { stream } = webStream([], true);
    const body = new IdleTimeoutBody(
      webStreamBody(stream),
      5_000,
      () => new Error('stalled'),
      () => {},
    );
    const pending = body.next();
    body.destroy();
    assert.deepEqual(await pending, { done: true, value: undefined });
  });
});

describe('a stream upload where the platform cannot stream one (Firefox, Safari)', () => {
  /** Sends one streamed upload through a fetch that records what it was given. */
  async function sendStream(streamsRequests: () => boolean): Promise<RequestInit & { duplex?: string }> {
    let seen: (RequestInit & { duplex?: string }) | undefined;
    const transport = fetchTransport({
      redirect: 'follow',
      streamsRequests,
      fetch: async (_url, init) => {
        seen = init;
        return new Response('ok');
      },
    });
    async function* upload() {
      yield encoder.encode('hello, ');
      yield encoder.encode('world');
    }
    const url = 'http://127.0.0.1:9/up';
    const abort = new AttemptAbort();
    await transport(
      { method: 'POST', url, headers: {}, body: upload(), attempt: 1, operationId: 'up', signal: abort.signal },
      targetOf(url),
      abort,
    );
    return seen!;
  }

  test('is read into a Blob and sent whole', async () => {
    const init = await sendStream(() => false);
    assert.ok(init.body instanceof Blob, String(init.body));
    assert.equal(await (init.body as Blob).text(), 'hello, world');
    assert.equal(init.duplex, undefined);
  });

  test('where it can (Chromium, Node), stays a stream (half duplex)', async () => {
    const init = await sendStream(() => true);
    assert.ok(init.body instanceof ReadableStream);
    assert.equal(init.duplex, 'half');
  });

  test("Node's fetch passes the detection", () => assert.equal(platformStreamsRequests(), true));
});

describe('bytes.ts computes what Buffer does', () => {
  const text = '\uFEFFhéllo, wörld ✓';
  const expected = {
    length: Buffer.byteLength(text),
    decoded: Buffer.from(text, 'utf8').toString('utf8'),
    base64: Buffer.from(text, 'utf8').toString('base64'),
    concat: [...Buffer.from(text, 'utf8')],
  };
  /** The same four results from bytes.ts, in a process where Buffer exists or was deleted first. */
  function resultsOf(withBuffer: boolean): unknown {
    const script = `${withBuffer ? '' : 'delete globalThis.Buffer;'}
      const b = await import(${JSON.stringify(BYTES_MODULE)});
      const bytes = b.utf8Encode(${JSON.stringify(text)});
      console.log(JSON.stringify({
        length: b.utf8Length(${JSON.stringify(text)}),
        decoded: b.utf8Decode(bytes),
        base64: b.base64Utf8(${JSON.stringify(text)}),
        concat: [...b.concatBytes([bytes.subarray(0, 3), bytes.subarray(3)], bytes.byteLength)],
      }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    return JSON.parse(out);
  }
  test('with Buffer (Node, Deno, Bun)', () => assert.deepEqual(resultsOf(true), expected));
  test('without Buffer (browsers, workers): the TextEncoder/TextDecoder/btoa fallbacks', () =>
    assert.deepEqual(resultsOf(false), expected));
});
