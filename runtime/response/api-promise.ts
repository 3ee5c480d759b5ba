/**
 * What every non-paginated generated method returns: a Promise of the typed body that can also
 * hand out the raw response (like Stainless' APIPromise).
 *
 * The base Promise resolves to nothing and never rejects; `then`/`catch`/`finally` delegate to
 * the data promise. That way a caller who only uses `.withResponse()` gets no unhandled
 * rejection from the data side, and `await` still yields the data.
 *
 * Decoding is lazy: the call reads the body (so a stalled body is retried like any read
 * timeout) but parses it only when data is asked for. `.asResponse()` never parses, so a caller
 * who asked for a raw media type gets the response whatever its Content-Type.
 */
import type { ApiResponse } from './api-response.js';

export interface WithResponse<T> {
  readonly data: T;
  readonly response: ApiResponse;
}

/** What the call machinery resolves with: the response and a (memoised) decoder for its body. */
export interface CallResult<T = unknown> {
  readonly response: ApiResponse;
  data(): T;
}

export class ApiPromise<T> extends Promise<T> {
  readonly #result: Promise<CallResult<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<CallResult<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  // Derived promises (from then/catch/finally) are plain Promises: they carry data, not responses.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The data and the raw response (status, headers, request id). */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result.then(pickBoth<T>);
  }

  /** The raw response with the body still readable (`.json()`, `.text()`, `.stream()`). */
  asResponse(): Promise<ApiResponse> {
    return this.#result.then(pickResponse);
  }

  // biome-ignore lint/suspicious/noThenProperty: ApiPromise is a Promise; then() resolves to the data
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#dataPromise().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#dataPromise().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#dataPromise().finally(onfinally);
  }

  #dataPromise(): Promise<T> {
    this.#data ??= this.#result.then(pickData<T>);
    return this.#data;
  }
}

function pickResponse<T>(result: CallResult<T>): ApiResponse {
  return result.response;
}

function pickData<T>(result: CallResult<T>): T {
  return result.data();
}

function pickBoth<T>(result: CallResult<T>): WithResponse<T> {
  return { data: result.data(), response: result.response };
}
