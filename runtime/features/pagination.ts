/** Paginated calls (Link header, cursors, offsets, pages), for installFeatures() or Client.paginate's last argument. */
import type { PaginationFeature } from '../features.js';
import { PagePromise } from '../pagination/page-promise.js';

export const pagination: PaginationFeature = { PagePromise };
