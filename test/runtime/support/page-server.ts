/**
 * A paginated API on 127.0.0.1 for the pagination tests, and a minimal PageFetcher on
 * undici.request (so these tests do not depend on the client).
 *
 * GET /items?page=N&per_page=M -> JSON array of M items, `Link: </items?page=N+1&per_page=M>; rel="next"`
 * until `pages`. Items are `{ id, name }` with a padded name so memory tests have weight.
 * `nextOverride(page)` lets a test point a page's next link anywhere (another origin, a loop).
 */
import { type Agent, request } from 'undici';
import type { PageFetcher, RawPage } from '../../../runtime/pagination/index.js';
import { startServer, type TestServer } from './descriptors.js';

export interface PageServerOptions {
  readonly pages: number;
  readonly perPage: number;
  /** Bytes of padding per item name. */
  readonly padding?: number;
  /** Wrap the array as `{ data: [...], meta: { next_cursor, next_url } }` (cursor / url styles). */
  readonly envelope?: boolean;
  /** A Link `next` target for a page number (absolute or relative); return undefined for the default. */
  readonly nextOverride?: (page: number) => string | undefined;
}

export interface PageResponse {
  readonly status: number;
}

export async function startPageServer(options: PageServerOptions): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const perPage = Number(url.searchParams.get('per_page') ?? options.perPage);
    const cursor = url.searchParams.get('cursor');
    const offset = url.searchParams.get('offset');
    const page =
      cursor !== null
        ? Number(cursor.slice(1))
        : offset !== null
          ? Math.floor(Number(offset) / perPage) + 1
          : Number(url.searchParams.get('page') ?? 1);
    const items =
      page > options.pages
        ? []
        : Array.from({ length: perPage }, (_, i) => ({
            id: (page - 1) * perPage + i,
            name: `item-${(page - 1) * perPage + i}-${'x'.repeat(options.padding ?? 8)}`,
          }));
    const hasNext = page < options.pages;
    const next = options.nextOverride?.(page) ?? (hasNext ? `/items?page=${page + 1}&per_page=${perPage}` : undefined);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (next !== undefined && !options.envelope)
      headers.link = `<${next}>; rel="next", </items?page=${options.pages}&per_page=${perPage}>; rel="last"`;
    const body = options.envelope
      ? { data: items, meta: { next_cursor: hasNext ? `c${page + 1}` : null, next_url: next ?? null } }
      : items;
    res.writeHead(200, headers).end(JSON.stringify(body));
  });
}

/**
 * A fetcher on one undici Agent: GETs URLs, parses JSON, lower-case headers. Like the client,
 * first() sends the caller's params and nextWithParams() sends the complete params it is given.
 */
export function simpleFetcher(
  startUrl: string,
  agent: Agent,
  params: Readonly<Record<string, unknown>> = {},
): PageFetcher<PageResponse> {
  async function get(url: string): Promise<RawPage<PageResponse>> {
    const response = await request(url, { dispatcher: agent });
    const body: unknown = await response.body.json();
    if (response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode}`);
    return { body, url, headers: response.headers, response: { status: response.statusCode } };
  }
  const withParams = (values: Readonly<Record<string, unknown>>): string => {
    const url = new URL(startUrl);
    for (const [key, value] of Object.entries(values)) url.searchParams.set(key, String(value));
    return url.href;
  };
  return {
    first: () => get(withParams(params)),
    next: get,
    nextWithParams: (values) => get(withParams(values)),
  };
}
