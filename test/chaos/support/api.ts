/**
 * The chaos descriptor: the same path (`/chaos/{fault}/{run}`) as GET, as a POST with an
 * idempotency key (the operation is marked idempotent, so the runtime generates one key per call),
 * and as a plain POST. A hand-written table, as the generator would emit it.
 */
import type { ApiDescriptor, OperationDescriptor } from '../../../runtime/descriptor.js';

export function chaosApi(): ApiDescriptor {
  return {
    name: 'ChaosApi',
    packageName: '@test/chaos',
    packageVersion: '0.0.0',
    envPrefix: 'CHAOSAPI',
    servers: [{ url: 'http://127.0.0.1:1', name: 'production' }],
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
  };
}

const params = [
  { name: 'fault', in: 'path', style: 'simple', explode: false, required: true },
  { name: 'run', in: 'path', style: 'simple', explode: false, required: true },
] as const;
const response = {
  success: [{ status: '200', kind: 'json' as const, mediaType: 'application/json' }],
  accept: 'application/json',
};
const body = { mediaType: 'application/json', required: true, placement: 'flat', properties: ['name'] } as const;

export type MethodKind = 'GET' | 'idempotent POST' | 'plain POST';
export const METHODS: readonly MethodKind[] = ['GET', 'idempotent POST', 'plain POST'];

function ops(secured: boolean): Record<MethodKind, OperationDescriptor> {
  const security = secured ? { security: [['bearerAuth']] } : {};
  return {
    GET: { id: 'chaosGet', method: 'GET', path: '/chaos/{fault}/{run}', params: [...params], response, ...security },
    'idempotent POST': {
      id: 'chaosPostIdempotent',
      method: 'POST',
      path: '/chaos/{fault}/{run}',
      params: [...params],
      body,
      response,
      idempotent: true,
      ...security,
    },
    'plain POST': {
      id: 'chaosPost',
      method: 'POST',
      path: '/chaos/{fault}/{run}',
      params: [...params],
      body,
      response,
      ...security,
    },
  };
}

export const chaosOps = ops(false);
export const securedChaosOps = ops(true);
