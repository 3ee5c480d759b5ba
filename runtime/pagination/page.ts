/**
 * One page of a paginated list. A page knows how to fetch the next one but holds no reference to
 * earlier pages, so iterating a million items keeps one page in memory.
 */
import type { ApiResponse } from '../response/api-response.js';
import type { PaginationDescriptor } from '../descriptor.js';
import { PaginationError } from '../errors.js';
import { itemsOf, nextStep, withoutQuery, type NextStep } from './strategy.js';
import type { PageFetcher, PaginationOptions, RawPage } from './types.js';

/**
 * How many recent next-page URLs (or cursors) loop detection remembers. A server that cycles
 * through more distinct pages than this before repeating is not plausible; the bound keeps memory
 * flat on a very long walk (10k URLs is about 1 MB).
 */
const LOOP_DETECTION_WINDOW = 10_000;

/** What every page of one walk shares: how to fetch, the limits, what was already visited. */
export interface PageChain<R> {
  readonly fetcher: PageFetcher<R>;
  readonly pagination: PaginationDescriptor;
  readonly options: PaginationOptions;
  /** Origin of the first page: next-page URLs must stay on it. */
  origin?: string;
  /** Visited page keys (URL or cursor) -> the page number that fetched them. */
  readonly visited: Map<string, number>;
}

export function newChain<R>(
  fetcher: PageFetcher<R>,
  pagination: PaginationDescriptor,
  options: PaginationOptions,
): PageChain<R> {
  return { fetcher, pagination, options, visited: new Map() };
}

/** The first page of a walk: fixes the origin later pages must stay on and marks it visited. */
export function firstPage<Item, R>(
  chain: PageChain<R>,
  raw: RawPage<R>,
  params: Readonly<Record<string, unknown>>,
): Page<Item, R> {
  chain.origin = new URL(raw.url).origin;
  const pagination = chain.pagination;
  if (pagination.style === 'link' || pagination.style === 'url') remember(chain, new URL(raw.url).href, 1);
  else if (pagination.style === 'cursor' && params[pagination.param] !== undefined)
    remember(chain, `cursor:${String(params[pagination.param])}`, 1);
  return new Page<Item, R>(chain, raw, params, 1, 0);
}

function remember(chain: PageChain<unknown>, key: string, pageNumber: number): void {
  chain.visited.delete(key);
  chain.visited.set(key, pageNumber);
  if (chain.visited.size > LOOP_DETECTION_WINDOW) chain.visited.delete(chain.visited.keys().next().value as string);
}

/**
 * `R` is the response type the fetcher hands over; the client's ApiResponse by default, so a
 * generated method's `PagePromise<Pet>` exposes `page.response` typed.
 */
export class Page<Item, R = ApiResponse> implements AsyncIterable<Item> {
  /** The items of this page, as the server sent them. */
  readonly items: Item[];
  /** The response this page came from (status, headers ...). */
  readonly response: R;
  /** Absolute URL of the next page (link and url styles): keep it to resume later. */
  readonly nextPageUrl: string | undefined;
  /** The next cursor (cursor style), as a string: keep it to resume later. */
  readonly nextCursor: string | undefined;
  /** Complete params for the next page (cursor, offset, page styles). */
  readonly nextPageParams: Readonly<Record<string, unknown>> | undefined;
  /** 1-based position of this page in the walk. */
  readonly pageNumber: number;
  /** Items on the pages before this one. */
  readonly itemsBefore: number;

  readonly #chain: PageChain<R>;
  readonly #next: NextStep | undefined;

  /** @internal Built by PagePromise / getNextPage. */
  constructor(
    chain: PageChain<R>,
    raw: RawPage<R>,
    params: Readonly<Record<string, unknown>>,
    pageNumber: number,
    itemsBefore: number,
  ) {
    this.#chain = chain;
    this.items = itemsOf(chain.pagination, raw) as Item[];
    this.response = raw.response;
    this.pageNumber = pageNumber;
    this.itemsBefore = itemsBefore;
    this.#next = nextStep(chain.pagination, raw, this.items, params);
    this.nextPageUrl = this.#next?.kind === 'url' ? this.#next.url : undefined;
    this.nextCursor = this.#next?.kind === 'params' ? this.#next.cursor : undefined;
    this.nextPageParams = this.#next?.kind === 'params' ? this.#next.params : undefined;
  }

  /** False at the end of the list or once `maxPages` / `maxItems` is reached. */
  hasNextPage(): boolean {
    if (this.#next === undefined) return false;
    const { maxPages, maxItems } = this.#chain.options;
    if (maxPages !== undefined && this.pageNumber >= maxPages) return false;
    if (maxItems !== undefined && this.itemsBefore + this.items.length >= maxItems) return false;
    return true;
  }

  /**
   * Fetches the next page. Throws PaginationError when there is none (check `hasNextPage()`),
   * when its URL leaves the first page's origin (unless allowCrossOriginPagination), or when it
   * was already visited in this walk (a server-side loop).
   */
  async getNextPage(): Promise<Page<Item, R>> {
    const next = this.#next;
    if (next === undefined || !this.hasNextPage()) {
      throw new PaginationError('no next page: check hasNextPage() before calling getNextPage()');
    }
    const chain = this.#chain;
    const key = next.kind === 'url' ? next.url : `cursor:${next.cursor ?? JSON.stringify(next.params)}`;
    const seenOn = chain.visited.get(key);
    if (seenOn !== undefined && seenOn <= this.pageNumber) {
      throw new PaginationError(
        `pagination loop: page ${this.pageNumber + 1} would repeat page ${seenOn} (${next.kind === 'url' ? withoutQuery(next.url) : 'same cursor'}); stopping`,
      );
    }
    if (next.kind === 'url') {
      const origin = new URL(next.url).origin;
      if (chain.origin !== undefined && origin !== chain.origin && !chain.options.allowCrossOriginPagination) {
        throw new PaginationError(
          `the next page is on another origin (${origin}, the list started on ${chain.origin}); not following it so credentials stay home. Set allowCrossOriginPagination: true to follow`,
        );
      }
    }
    remember(chain, key, this.pageNumber + 1);
    const raw =
      next.kind === 'url' ? await chain.fetcher.next(next.url) : await chain.fetcher.nextWithParams(next.params);
    const params = next.kind === 'params' ? next.params : {};
    return new Page<Item, R>(chain, raw, params, this.pageNumber + 1, this.itemsBefore + this.items.length);
  }

  /** Every item from this page on, fetching later pages as the loop reaches them. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* iterateItems<Item, R>(this, this.#chain.options.maxItems);
  }
}

/**
 * Items of `start` and the pages after it, stopping at `maxItems` (counted from the first page).
 * `start` is cleared once read so the generator does not pin the first page for the whole walk.
 */
export async function* iterateItems<Item, R>(
  start: Page<Item, R> | undefined,
  maxItems: number | undefined,
): AsyncGenerator<Item, void, undefined> {
  let page = start;
  start = undefined;
  let count = page === undefined ? 0 : page.itemsBefore;
  while (page !== undefined) {
    for (const item of page.items) {
      if (maxItems !== undefined && count >= maxItems) return;
      count++;
      yield item;
    }
    page = page.hasNextPage() ? await page.getNextPage() : undefined;
  }
}

/** Pages from `start` on (same pinning care as iterateItems). */
export async function* iteratePages<Item, R>(
  start: Page<Item, R> | undefined,
): AsyncGenerator<Page<Item, R>, void, undefined> {
  let page = start;
  start = undefined;
  while (page !== undefined) {
    yield page;
    page = page.hasNextPage() ? await page.getNextPage() : undefined;
  }
}
