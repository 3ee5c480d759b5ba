/**
 * Pagination: `PagePromise` / `Page` over a `PageFetcher` the client implements.
 *
 * Contract for the client (runtime/client.ts `paginate`):
 *   return new PagePromise<Item, ApiResponse>(fetcher, op.pagination, params, { maxPages, maxItems, allowCrossOriginPagination });
 * where `fetcher` (see types.ts):
 *   first()                -> the operation with the caller's params
 *   next(url)              -> GET that absolute URL (link/url styles), same headers/auth/policies
 *   nextWithParams(params) -> the operation with these complete params (cursor/offset/page styles)
 * each resolving to RawPage { body (parsed JSON), url (final, absolute), headers (lower-case names), response }.
 * Errors (non-2xx etc.) simply reject; PaginationError is thrown here for cross-origin next URLs,
 * loops, non-array items and getNextPage() past the end.
 */
export { parseLinkHeader } from './link-header.js';
export { readBodyPath } from './body-path.js';
export { Page } from './page.js';
export { PagePromise } from './page-promise.js';
export { DEFAULT_FIRST_PAGE_NUMBER } from './strategy.js';
export type { PageFetcher, PaginationOptions, RawPage } from './types.js';
