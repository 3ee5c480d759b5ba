/**
 * The runtime's public surface: everything a generated SDK (and its users) import.
 * Generated code uses Client, ApiPromise, PagePromise and the descriptor types; users see the
 * error classes, the option types and the response types.
 */
export { Client } from './client.js';
export type {
  CircuitBreakerOptions,
  ClientOptions,
  HeadersInit,
  LogLevel,
  Logger,
  RequestOptions,
  RetryOptions,
  TimeoutOptions,
  TlsOptions,
} from './options.js';
export { ApiPromise, type WithResponse } from './response/api-promise.js';
export { ApiResponse } from './response/api-response.js';
export { BinaryResponse } from './response/binary-response.js';
export { Page, PagePromise } from './pagination/index.js';
export { fileFromPath } from './request/index.js';
export type { Uploadable } from './request/index.js';
export type { ApiKey, BasicCredentials, BearerToken } from './auth/index.js';
export type { IncomingResponse, Middleware, NextFn, OutgoingRequest } from './transport/types.js';
export type { OperationStats } from './policies/stats.js';
export * from './errors.js';
export * from './constants.js';
export type * from './descriptor.js';
