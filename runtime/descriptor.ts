/**
 * The seam between generator and runtime: plain data describing one API and its operations.
 *
 * The generator emits these objects (src/operations.ts, src/client.ts of a generated SDK); the
 * runtime acts on them. The generator never emits HTTP logic and the runtime never knows an API,
 * so a feature is added in three steps: the model reads it, the descriptor carries it, the
 * runtime acts on it. Everything here is JSON-shaped (no functions, no classes) so that a
 * descriptor table can be printed as a literal and diffed in review; the one exception is
 * `ApiDescriptor.responseSchemas`, a loader the runtime calls to import the optional validator.
 */

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** OpenAPI 3 parameter styles (https://spec.openapis.org/oas/v3.1.0#style-values). */
export type ParameterStyle = 'matrix' | 'label' | 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface ParameterDescriptor {
  /** The spec's name: what goes on the wire. */
  readonly name: string;
  /**
   * The key in the caller's flat params object when it is not `name`: the same name used in two
   * locations (`GET /users/{id}?id=1` reads the query one from `queryId`).
   */
  readonly key?: string;
  readonly in: ParameterLocation;
  /** Already defaulted by the generator: form for query/cookie, simple for path/header. */
  readonly style: ParameterStyle;
  /** Already defaulted by the generator: true for form, false otherwise. */
  readonly explode: boolean;
  readonly required: boolean;
  /** Query only: reserved characters (RFC 3986 :/?#[]@!$&'()*+,;=) are sent unencoded. */
  readonly allowReserved?: boolean;
  /** `content`-encoded parameter (e.g. application/json): serialised as that media type. */
  readonly contentType?: string;
}

/** How a response body is read. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'empty' | 'ndjson' | 'sse';

export interface ResponseDescriptor {
  /** The 2xx statuses the spec declares for this operation with their body kinds. */
  readonly success: readonly { readonly status: string; readonly kind: ResponseKind; readonly mediaType?: string }[];
  /** Value of the Accept header: the success media types, comma-separated (JSON first). */
  readonly accept?: string;
}

/**
 * Where the request body comes from in the caller's params object.
 * - 'flat': the JSON (or form) object's properties sit beside the parameters; `properties`
 *   lists their names so the runtime can pick them out.
 * - 'body': the whole body is `params.body` (arrays, binary, primitives, unions of non-objects,
 *   or a property name that collides with a parameter).
 */
export interface RequestBodyDescriptor {
  readonly mediaType: string;
  readonly required: boolean;
  readonly placement: 'flat' | 'body';
  readonly properties?: readonly string[];
  /** multipart/form-urlencoded per-property encoding, from the spec's `encoding` map. */
  readonly encoding?: Readonly<
    Record<string, { readonly contentType?: string; readonly style?: ParameterStyle; readonly explode?: boolean }>
  >;
}

/** One security requirement: every scheme named here is applied together (AND). */
export type SecurityRequirement = readonly string[];

export type PaginationDescriptor =
  | {
      readonly style: 'link';
      /** Path to the items array when the body is an object (`$.items`); absent: the body is the array. */
      readonly items?: string;
    }
  | {
      readonly style: 'cursor';
      /** Request parameter that carries the cursor. */
      readonly param: string;
      /** JSONPath-like dotted path (`$.next_cursor`) to the next cursor in the response body. */
      readonly next: string;
      /** Path to the items array in the body (`$.data`); absent: the body is the array. */
      readonly items?: string;
    }
  | {
      readonly style: 'offset';
      readonly param: string;
      readonly limitParam?: string;
      readonly items?: string;
    }
  | {
      readonly style: 'page';
      readonly param: string;
      readonly items?: string;
    }
  | {
      readonly style: 'url';
      /** Path to the next page's URL in the body. */
      readonly next: string;
      readonly items?: string;
    };

export interface RetryPolicyOverride {
  readonly maxRetries?: number;
}

export interface TimeoutOverride {
  readonly connect?: number;
  readonly read?: number;
  readonly total?: number;
}

export interface OperationDescriptor {
  /** The spec's operationId, or the generated one; used in logs and stats. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. `/repos/{owner}/{repo}/issues`. */
  readonly path: string;
  readonly params: readonly ParameterDescriptor[];
  readonly body?: RequestBodyDescriptor;
  readonly response: ResponseDescriptor;
  /**
   * Alternatives (OR) of requirements (AND). Absent: the API's global security applies.
   * `[]`: no credentials at all. `[[]]` (an empty requirement): anonymous allowed.
   */
  readonly security?: readonly SecurityRequirement[];
  readonly pagination?: PaginationDescriptor;
  /**
   * Idempotency: true when the spec marks it (`x-sdk-idempotent`, a declared Idempotency-Key
   * header param, or config). The runtime then generates one key per call and reuses it on every
   * attempt, in `idempotencyHeader` (default `Idempotency-Key`).
   */
  readonly idempotent?: boolean;
  readonly idempotencyHeader?: string;
  readonly retry?: RetryPolicyOverride;
  readonly timeout?: TimeoutOverride;
  /**
   * Operation- or path-level `servers` (e.g. GitHub's uploads.github.com for release assets).
   * They replace the API's servers for this operation; an explicit `baseUrl` (client or call)
   * still wins, so tests and proxies can send everything to one place.
   */
  readonly servers?: readonly ServerDescriptor[];
}

export type SecuritySchemeDescriptor =
  | { readonly type: 'http'; readonly scheme: 'basic' | 'bearer' | 'digest'; readonly env?: string }
  | {
      readonly type: 'apiKey';
      readonly in: 'header' | 'query' | 'cookie';
      /** The header, query or cookie name the key travels in. */
      readonly name: string;
      readonly env?: string;
    }
  | {
      readonly type: 'oauth2';
      readonly flows: {
        readonly clientCredentials?: { readonly tokenUrl: string; readonly scopes?: readonly string[] };
        readonly authorizationCode?: { readonly tokenUrl: string };
        readonly password?: { readonly tokenUrl: string };
        readonly implicit?: Readonly<Record<string, never>>;
      };
      readonly env?: string;
    }
  | { readonly type: 'openIdConnect'; readonly url: string; readonly env?: string }
  | { readonly type: 'mutualTLS' };

export interface ServerDescriptor {
  /** URL template, e.g. `https://{region}.api.example.com/v1`. */
  readonly url: string;
  /** Environment name (from `x-sdk-name`, the description, or `server<N>`). */
  readonly name: string;
  readonly variables?: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[] }>>;
}

export interface ApiDescriptor {
  /** Client class name, e.g. `PetStore`; used in the User-Agent and messages. */
  readonly name: string;
  /** npm package name and version for the User-Agent. */
  readonly packageName: string;
  readonly packageVersion: string;
  /** Prefix for environment variables (`PETSTORE` -> PETSTORE_API_KEY, PETSTORE_LOG, PETSTORE_BASE_URL). */
  readonly envPrefix: string;
  readonly servers: readonly ServerDescriptor[];
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeDescriptor>>;
  /** The document's global `security`; absent = none. */
  readonly security?: readonly SecurityRequirement[];
  /** Extra response header carrying a request id (config); the standard ones are always read. */
  readonly requestIdHeader?: string;
  /** `errors.envelope` from config: a 2xx JSON body with this (dotted) path present raises ApiError. */
  readonly errorEnvelope?: string;
  /** Config `defaults` baked into the SDK; client options override them. */
  readonly defaults?: { readonly timeout?: TimeoutOverride; readonly retry?: RetryPolicyOverride };
  /** Present when the SDK was generated with response schemas (`validation: { responses: true }`). */
  readonly responseSchemas?: ResponseSchemas;
}

/** One way a body differs from its schema (path and keyword; never the value, which may be a secret). */
export interface SchemaIssue {
  /** JSON pointer into the body, `''` for the root. */
  readonly path: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, ...). */
  readonly keyword: string;
  readonly message: string;
}

/**
 * Checks a decoded 2xx body of an operation (by operation id) against the spec's schema for that
 * status: `undefined` when the spec has no schema for it, `[]` when the body conforms. Throws when
 * the schema itself cannot be compiled.
 */
export type ResponseChecker = (
  operationId: string,
  status: number,
  body: unknown,
) => readonly SchemaIssue[] | undefined;

/** What a generated SDK with response schemas puts in its ApiDescriptor (runtime/validation/ loads it). */
export interface ResponseSchemas {
  /** Loads ajv and the schemas; called once per client family, on first use. */
  readonly load: () => Promise<ResponseChecker>;
}
