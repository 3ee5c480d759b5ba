/**
 * Optional runtime features, installed by the code that needs them, so that bundles stay small: the engine reaches OAuth2 client credentials, digest auth, the NDJSON/SSE parsers, multipart bodies and pagination
 * through this registry instead of importing them, so a bundle holds them only when something
 * installs them. The generated operations file installs what its spec uses (an oauth2 or bearer
 * scheme, a digest scheme, a streamed response, a multipart body; the client file pagination, while each paginated
 * function of src/functions.ts passes it to Client.paginate itself); the Node entry (runtime/node.ts) installs all of
 * them. Installing twice is harmless (the same functions again).
 */
import type { DigestChallenge, DigestRequest } from './auth/digest.js';
import type { OAuth2TokenManager } from './auth/oauth2.js';
import type { BasicCredentials, OAuth2ClientCredentials } from './auth/types.js';
import { InvalidArgumentError } from './errors.js';
import type { PagePromise } from './pagination/index.js';
import type { encodeMultipart, isFormData } from './request/multipart.js';
import type { JsonLines, ServerSentEvents } from './response/event-streams.js';

export interface OAuth2Feature {
  readonly tokenManager: (name: string, tokenUrl: string, credential: OAuth2ClientCredentials) => OAuth2TokenManager;
}

export interface DigestFeature {
  readonly parseChallenge: (header: string | readonly string[] | undefined) => DigestChallenge | undefined;
  readonly authorization: (
    challenge: DigestChallenge,
    credentials: BasicCredentials,
    request: DigestRequest,
  ) => Promise<string>;
}

export interface EventStreamFeature {
  readonly JsonLines: typeof JsonLines;
  readonly ServerSentEvents: typeof ServerSentEvents;
}

export interface MultipartFeature {
  readonly encode: typeof encodeMultipart;
  readonly isFormData: typeof isFormData;
}

export interface PaginationFeature {
  readonly PagePromise: typeof PagePromise;
}

export interface RuntimeFeatures {
  readonly oauth2?: OAuth2Feature;
  readonly digest?: DigestFeature;
  readonly eventStreams?: EventStreamFeature;
  readonly pagination?: PaginationFeature;
  readonly multipart?: MultipartFeature;
}

const installed: { -readonly [K in keyof RuntimeFeatures]: RuntimeFeatures[K] } = {};

/** Adds features to this runtime (every client of the bundle sees them). */
export function installFeatures(features: RuntimeFeatures): void {
  Object.assign(installed, features);
}

/** What each feature is, for the error that names a missing one. */
const FEATURE_LABELS: Record<keyof RuntimeFeatures, string> = {
  oauth2: 'OAuth2 client credentials',
  digest: 'HTTP digest auth',
  eventStreams: 'NDJSON/SSE responses',
  pagination: 'paginated calls',
  multipart: 'multipart/form-data bodies',
};

/** The installed feature, or an error naming it and how to install it (never a TypeError later). */
export function requireFeature<K extends keyof RuntimeFeatures>(
  name: K,
  usedBy: string,
): NonNullable<RuntimeFeatures[K]> {
  const feature = installed[name];
  if (feature !== undefined) return feature as NonNullable<RuntimeFeatures[K]>;
  throw new InvalidArgumentError(
    `${usedBy} needs ${FEATURE_LABELS[name]}, which this build of the runtime does not include: the generated SDK installs it when its spec uses it (runtime/features.ts, installFeatures({ ${name} }) from runtime/features/${name}.ts)`,
  );
}
