/**
 * The API model (IR): everything emit/ needs, read once from the spec. Names here are final:
 * sanitised, collision-free and deterministic, so emit/ never has to think about naming.
 */
import type {
  HttpMethod,
  OperationDescriptor,
  SecuritySchemeDescriptor,
  ServerDescriptor,
  ResponseKind,
  PaginationDescriptor,
  ParameterDescriptor,
  RequestBodyDescriptor,
  SecurityRequirement,
  TimeoutOverride,
  RetryPolicyOverride,
} from '../../runtime/descriptor.js';

export interface ApiModel {
  /** Client class name (a sanitised identifier), e.g. `PetStore`. */
  readonly clientName: string;
  readonly packageName: string;
  readonly packageVersion: string;
  /** Prefix of environment variables, e.g. `PETSTORE`. */
  readonly envPrefix: string;
  readonly title: string;
  readonly description?: string;
  readonly servers: readonly ServerDescriptor[];
  /** Keyed by the spec's scheme name (also the key in the client's `auth` option). */
  readonly securitySchemes: ReadonlyMap<string, SecuritySchemeDescriptor>;
  readonly security?: readonly SecurityRequirement[];
  /** Resources sorted by property name; the root resource (untagged operations) is not here. */
  readonly resources: readonly ResourceModel[];
  /** Operations with no tag: their methods sit on the client class itself. */
  readonly rootOperations: readonly OperationModel[];
  /** Every operation, sorted by `key`. */
  readonly operations: readonly OperationModel[];
  /** Friendly aliases for `components.schemas`, sorted by alias name. */
  readonly models: readonly ModelAlias[];
  readonly errorEnvelope?: string;
  /** Parameters a caller could not set (a key shared with another one); always 0, reported by the corpus run. */
  readonly parametersLost: number;
  readonly defaults?: { readonly timeout?: TimeoutOverride; readonly retry?: RetryPolicyOverride };
}

export interface ModelAlias {
  /** Exported type name in models.ts: the response view (and the only one when both views agree). */
  readonly name: string;
  /** Exported name of the request view when it differs (readOnly/writeOnly inside), e.g. `PetInput`. */
  readonly inputName?: string;
  /** The key under `components.schemas`. */
  readonly schemaName: string;
  readonly description?: string;
}

export interface ResourceModel {
  /** Property name on the client, e.g. `codeScanning`. */
  readonly propertyName: string;
  /** Class name, e.g. `CodeScanning`. */
  readonly className: string;
  /** File name without extension under src/resources/, unique case-insensitively. */
  readonly fileName: string;
  /** The tag (or x-sdk-group) it came from, for docs. */
  readonly tag: string;
  readonly description?: string;
  /** Sorted by method name. */
  readonly operations: readonly OperationModel[];
}

export interface ParameterModel extends ParameterDescriptor {
  readonly description?: string;
  readonly deprecated?: boolean;
  /** The value's schema as written (maybe a `$ref`), and where it is. */
  readonly schema?: unknown;
  readonly schemaPointer?: string;
  /** The parameter's own `example`, for JSDoc. */
  readonly example?: unknown;
}

export interface RequestBodyModel extends RequestBodyDescriptor {
  /** JSON pointer of the schema actually used (after $ref resolution), for diagnostics. */
  readonly schemaRef?: string;
  /** The chosen media type's schema as written (maybe a `$ref`), for the params type. */
  readonly schema?: unknown;
  /** Property names that must be typed as uploads (binary strings in multipart bodies). */
  readonly binaryProperties?: readonly string[];
  /** The whole body is binary (octet-stream and friends): typed as Uploadable. */
  readonly binary: boolean;
  /** The whole body is text: typed as string. */
  readonly text: boolean;
}

export interface SuccessResponseModel {
  readonly status: string;
  readonly kind: ResponseKind;
  readonly mediaType?: string;
  /** Component schema name when the body is exactly a `$ref` to `#/components/schemas/X`. */
  readonly schemaName?: string;
  /** True when the body is an array of `$ref` to `#/components/schemas/X` (schemaName = X). */
  readonly arrayOfSchema?: boolean;
  /** JSON pointer of a JSON body's schema in the bundled document (for response validation). */
  readonly schemaPointer?: string;
  /** A JSON body's schema as written (maybe a `$ref`), for the result type. */
  readonly schema?: unknown;
}

export interface ErrorResponseModel {
  /** `404`, `4XX` or `default`. */
  readonly status: string;
  readonly mediaType?: string;
  readonly schemaName?: string;
  /** A JSON body's schema as written (maybe a `$ref`), for the operation's error type. */
  readonly schema?: unknown;
}

export interface OperationModel {
  /** Key in the descriptor table and base of the params type name; unique, camelCase. */
  readonly key: string;
  /** The spec's operationId, or the generated one (method + path). */
  readonly id: string;
  readonly hasOperationId: boolean;
  readonly method: HttpMethod;
  readonly path: string;
  /** JSON pointer of the operation object, e.g. `/paths/~1pets/get`. */
  readonly pointer: string;
  /** Resource property name, or undefined for the client root. */
  readonly resource?: string;
  /** Method name on the resource class (or the client). */
  readonly methodName: string;
  /** Exported params type name, unique across the package's exported types. */
  readonly paramsTypeName: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly params: readonly ParameterModel[];
  readonly body?: RequestBodyModel;
  readonly success: readonly SuccessResponseModel[];
  readonly errors: readonly ErrorResponseModel[];
  readonly accept?: string;
  readonly security?: readonly SecurityRequirement[];
  readonly pagination?: PaginationDescriptor;
  readonly idempotent?: boolean;
  readonly idempotencyHeader?: string;
  readonly retry?: OperationDescriptor['retry'];
  readonly timeout?: OperationDescriptor['timeout'];
  /** Operation- or path-level servers, replacing the API's for this operation. */
  readonly servers?: OperationDescriptor['servers'];
  /** True when the caller must pass a params object (some param or the body is required). */
  readonly paramsRequired: boolean;
  /** Exported name of the 2xx body type when a JSON success body is inline (`GetInventoryResponse`). */
  readonly responseTypeName?: string;
  /** Exported name of the error type when some error response has a JSON body (`GetPetError`). */
  readonly errorTypeName?: string;
}

export type { HttpMethod, ResponseKind, RequestBodyDescriptor, PaginationDescriptor };
