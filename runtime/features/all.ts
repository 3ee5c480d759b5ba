/** Every optional feature at once: what the Node entry installs (runtime/node.ts). */
import type { RuntimeFeatures } from '../features.js';
import { digest } from './digest.js';
import { eventStreams } from './event-streams.js';
import { multipart } from './multipart.js';
import { oauth2 } from './oauth2.js';
import { pagination } from './pagination.js';

export const allFeatures: Required<RuntimeFeatures> = { oauth2, digest, eventStreams, pagination, multipart };
