/** NDJSON and SSE response parsing (with SSE reconnects), for installFeatures() (runtime/features.ts). */
import type { EventStreamFeature } from '../features.js';
import { JsonLines, ServerSentEvents } from '../response/event-streams.js';

export const eventStreams: EventStreamFeature = { JsonLines, ServerSentEvents };
