/**
 * A hand-written descriptor table (what the generator would emit), so the runtime is tested
 * without the generator.
 */
// The runtime's Node entry (undici transport, node:fs uploads, MD5): what a generated SDK's src/index.ts loads first.
import '../../../runtime/node.js';
import type { ApiDescriptor, OperationDescriptor } from '../../../runtime/descriptor.js';

export function testApi(overrides: Partial<ApiDescriptor> = {}): ApiDescriptor {
  return {
    name: 'TestApi',
    packageName: '@test/api',
    packageVersion: '1.2.3',
    envPrefix: 'TESTAPI',
    servers: [{ url: 'https://api.example.invalid/v1', name: 'production' }],
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer' },
      apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      apiKeyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
    },
    ...overrides,
  };
}

const json = {
  success: [{ status: '200', kind: 'json' as const, mediaType: 'application/json' }],
  accept: 'application/json',
};

export const ops = {
  getPet: {
    id: 'getPet',
    method: 'GET',
    path: '/pets/{petId}',
    params: [{ name: 'petId', in: 'path', style: 'simple', explode: false, required: true }],
    response: json,
  },
  listPets: {
    id: 'listPets',
    method: 'GET',
    path: '/pets',
    params: [{ name: 'limit', in: 'query', style: 'form', explode: true, required: false }],
    response: json,
  },
  createPet: {
    id: 'createPet',
    method: 'POST',
    path: '/pets',
    params: [],
    body: { mediaType: 'application/json', required: true, placement: 'flat', properties: ['name'] },
    response: { success: [{ status: '201', kind: 'json' as const }], accept: 'application/json' },
  },
  createPetIdempotent: {
    id: 'createPetIdempotent',
    method: 'POST',
    path: '/pets',
    params: [],
    body: { mediaType: 'application/json', required: true, placement: 'flat', properties: ['name'] },
    response: { success: [{ status: '201', kind: 'json' as const }], accept: 'application/json' },
    idempotent: true,
  },
  deletePet: {
    id: 'deletePet',
    method: 'DELETE',
    path: '/pets/{petId}',
    params: [{ name: 'petId', in: 'path', style: 'simple', explode: false, required: true }],
    response: { success: [{ status: '204', kind: 'empty' as const }] },
  },
  getText: {
    id: 'getText',
    method: 'GET',
    path: '/text',
    params: [],
    response: { success: [{ status: '200', kind: 'text' as const }], accept: 'text/plain' },
  },
  download: {
    id: 'download',
    method: 'GET',
    path: '/download',
    params: [],
    response: { success: [{ status: '200', kind: 'binary' as const }], accept: 'application/octet-stream' },
  },
  uploadStream: {
    id: 'uploadStream',
    method: 'PUT',
    path: '/upload',
    params: [],
    body: { mediaType: 'application/octet-stream', required: true, placement: 'body' },
    response: { success: [{ status: '200', kind: 'json' as const }], accept: 'application/json' },
  },
  securedGet: {
    id: 'securedGet',
    method: 'GET',
    path: '/secure',
    params: [],
    response: json,
    security: [['bearerAuth']],
  },
  keyedGet: {
    id: 'keyedGet',
    method: 'GET',
    path: '/keyed',
    params: [],
    response: json,
    security: [['apiKeyHeader', 'apiKeyQuery']],
  },
  listLinked: {
    id: 'listLinked',
    method: 'GET',
    path: '/items',
    params: [{ name: 'per_page', in: 'query', style: 'form', explode: true, required: false }],
    response: json,
    pagination: { style: 'link' },
  },
} satisfies Record<string, OperationDescriptor>;
