/**
 * What a paginated operation returns.
 * - `await client.pets.list()` -> the first Page;
 * - `for await (const pet of client.pets.list())` -> every item, fetching pages as the loop
 *   reaches them (no await needed first); leaving the loop early fetches nothing more;
 * - `.pages()` -> every page.
 *
 * Lazy: nothing is sent until it is awaited or iterated, so an unused PagePromise costs nothing
 * and cannot produce an unhandled rejection. The first page is fetched once and shared between
 * `await` and the iterators.
 */
import type { ApiResponse } from '../response/api-response.js';
import type { PaginationDescriptor } from '../descriptor.js';
import { InvalidArgumentError } from '../errors.js';
import { firstPage, iterateItems, iteratePages, newChain, type Page } from './page.js';
import type { PageFetcher, PaginationOptions } from './types.js';

export class PagePromise<Item, R = ApiResponse> implements PromiseLike<Page<Item, R>>, AsyncIterable<Item> {
  readonly #fetcher: PageFetcher<R>;
  readonly #pagination: PaginationDescriptor;
  readonly #params: Readonly<Record<string, unknown>>;
  readonly #options: PaginationOptions;
  #first: Promise<Page<Item, R>> | undefined;

  /**
   * @param params the caller's params for the first call (cursor/offset/page styles derive the
   *   next page's params from them)
   */
  constructor(
    fetcher: PageFetcher<R>,
    pagination: PaginationDescriptor,
    params: Readonly<Record<string, unknown>> = {},
    options: PaginationOptions = {},
  ) {
    for (const limit of ['maxPages', 'maxItems'] as const) {
      const value = options[limit];
      if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
        throw new InvalidArgumentError(`${limit} must be a positive integer; got ${String(value)}`);
      }
    }
    this.#fetcher = fetcher;
    this.#pagination = pagination;
    this.#params = params;
    this.#options = options;
  }

  /** Fetches the first page (a new walk: fresh loop detection and limits). */
  async #fetchFirst(): Promise<Page<Item, R>> {
    const chain = newChain(this.#fetcher, this.#pagination, this.#options);
    return firstPage<Item, R>(chain, await this.#fetcher.first(), this.#params);
  }

  /** The first page, fetched once and shared by `await` and later iterations. */
  #firstPage(): Promise<Page<Item, R>> {
    this.#first ??= this.#fetchFirst();
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaitable on purpose (await gives the first page)
  then<TResult1 = Page<Item, R>, TResult2 = never>(
    onfulfilled?: ((value: Page<Item, R>) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<Page<Item, R> | TResult> {
    return this.#firstPage().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<Item, R>> {
    return this.#firstPage().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }

  /**
   * Every item across every page. When the first page was already awaited it is reused;
   * otherwise the iteration fetches its own and does not keep it once it moves on.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const first = this.#first ?? this.#fetchFirst();
    yield* iterateItems<Item, R>(await first, this.#options.maxItems);
  }

  /** Every page, one at a time. */
  async *pages(): AsyncGenerator<Page<Item, R>, void, undefined> {
    const first = this.#first ?? this.#fetchFirst();
    yield* iteratePages<Item, R>(await first);
  }
}
