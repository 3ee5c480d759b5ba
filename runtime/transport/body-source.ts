/**
 * A response body as the runtime reads it: the bytes in order, and `destroy()` to stop early
 * (which frees the connection). undici's body (a Node Readable) is one as it is, so the Node path
 * adds nothing per call; a fetch Response's ReadableStream becomes one with `webStreamBody()`.
 * The readers (read-body.ts, the SSE/NDJSON parsers, BinaryResponse) take only this shape.
 */

export interface BodySource extends AsyncIterable<Uint8Array> {
  /** Stops the body: a pending or later read fails with `error` (ends, when none is given). */
  destroy(error?: Error): unknown;
}

/** A Node Readable (undici's body): read with its events, the cheapest way on Node. */
export interface NodeStreamLike extends BodySource {
  on(event: string, listener: (...args: never[]) => void): unknown;
  resume(): unknown;
}

export function isNodeStream(body: BodySource): body is NodeStreamLike {
  return typeof (body as Partial<NodeStreamLike>).on === 'function';
}

/**
 * A web ReadableStream as a BodySource. Read through a reader, not `for await` on the stream:
 * Safari's ReadableStream is not async iterable. A destroy with an error while a read is pending
 * fails that read with the error (cancel alone would end it as if the body were complete).
 */
export function webStreamBody(stream: ReadableStream<Uint8Array>): BodySource {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let failure: Error | undefined;
  let destroyed = false;
  const readerOf = () => (reader ??= stream.getReader());
  return {
    destroy(error?: Error) {
      if (destroyed) return;
      destroyed = true;
      failure = error;
      readerOf().cancel(error).catch(noop);
    },
    [Symbol.asyncIterator]() {
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          if (failure !== undefined) throw failure;
          if (destroyed) return { done: true, value: undefined };
          const result = await readerOf().read();
          if (failure !== undefined) throw failure;
          return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          if (!destroyed) {
            destroyed = true;
            await readerOf().cancel().catch(noop);
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Any byte source (an async iterable, or a web ReadableStream that is not one) as an async iterable. */
export function bytesOf(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  if (typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function')
    return source as AsyncIterable<Uint8Array>;
  return webStreamBody(source as ReadableStream<Uint8Array>);
}

/** Pull-based, so a slow consumer never buffers more than one chunk ahead. */
export function iterableToWebStream(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else
        controller.enqueue(
          typeof next.value === 'string' ? new TextEncoder().encode(next.value) : (next.value as Uint8Array),
        );
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

export function noop(): void {}
