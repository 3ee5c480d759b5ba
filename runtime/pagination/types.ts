/**
 * The seam between pagination (this folder) and the client (runtime/client.ts), which knows how
 * to send a request. Pagination decides *what* to fetch next; the fetcher fetches it, with the
 * same pipeline as any call (auth, retries, timeouts, error mapping: a non-2xx page rejects).
 */

/** One fetched page as the fetcher hands it over. */
export interface RawPage<R = unknown> {
  /** The parsed body (JSON): the items array itself, or an object holding it. */
  readonly body: unknown;
  /** The absolute URL that returned this page (after redirects): Link references resolve against it. */
  readonly url: string;
  /** Response headers, names lower-case (`link`); an array when the header came more than once. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The client's response object, exposed to callers as `page.response`. */
  readonly response: R;
}

export interface PageFetcher<R = unknown> {
  /** The operation called with the caller's params. */
  first(): Promise<RawPage<R>>;
  /**
   * GET an absolute URL taken from the previous page (`link` and `url` styles). The URL already
   * carries every query parameter; the fetcher adds headers and auth as for the operation. The
   * paginator has checked it is on the first page's origin (unless allowCrossOriginPagination).
   */
  next(url: string): Promise<RawPage<R>>;
  /**
   * The operation called again with these params (`cursor`, `offset`, `page` styles): the
   * caller's original params with the page parameter replaced, complete, not a diff.
   */
  nextWithParams(params: Readonly<Record<string, unknown>>): Promise<RawPage<R>>;
}

export interface PaginationOptions {
  /** Stop after this many pages (the last one is still returned whole). Default: no limit. */
  readonly maxPages?: number;
  /** Stop iterating items after this many; no page is fetched once it is reached. Default: no limit. */
  readonly maxItems?: number;
  /** Follow next-page URLs on another origin (credentials would travel there). Default false. */
  readonly allowCrossOriginPagination?: boolean;
}
