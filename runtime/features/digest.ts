/** HTTP digest auth (RFC 7616), for installFeatures() (runtime/features.ts). */
import type { DigestFeature } from '../features.js';
import { digestAuthorization, parseDigestChallenge } from '../auth/digest.js';

export const digest: DigestFeature = { parseChallenge: parseDigestChallenge, authorization: digestAuthorization };
