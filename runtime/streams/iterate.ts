/**
 * Iterating a byte source under an AbortSignal. A pending `next()` on a stream that has gone
 * quiet would never settle on its own, so abort destroys the source (undici's body is a Readable:
 * destroying it closes the connection) and raises at once. Without abort, breaking out releases
 * the source through `return()` like a plain `for await`.
 */
import { AbortError } from '../errors.js';

interface Destroyable {
  destroy(error?: Error): unknown;
}

function isDestroyable(value: unknown): value is Destroyable {
  return typeof (value as Partial<Destroyable> | null)?.destroy === 'function';
}

export function abortError(signal: AbortSignal, what: string): AbortError {
  return new AbortError(`${what}: aborted`, { cause: signal.reason });
}

export async function* iterateUntilAborted<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal | undefined,
  what: string,
): AsyncGenerator<T, void, undefined> {
  if (signal === undefined) {
    yield* source;
    return;
  }
  if (signal.aborted) {
    const error = abortError(signal, what);
    if (isDestroyable(source)) source.destroy(error);
    throw error;
  }
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      const error = abortError(signal, what);
      if (isDestroyable(source)) source.destroy(error);
      reject(error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // Only raced below; never left rejected without a handler.
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const result = await Promise.race([iterator.next(), aborted]);
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort!);
    if (!finished) {
      if (signal.aborted) {
        // next() may still be pending: do not wait behind it.
        void iterator.return?.()?.catch(() => undefined);
      } else {
        await iterator.return?.();
      }
    }
  }
}
