/** Tiny stand-ins for the loader and config stage, so model tests need only a document. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { LoadedSpec, OpenApiDocument, SdkgenConfig } from '../../../generator/types.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export function specFromDocument(document: object, sourcePath = '/in-memory.yaml'): LoadedSpec {
  return {
    document: document as OpenApiDocument,
    sourcePath,
    originalVersion: '3.0',
    locate: () => undefined,
  };
}

export function loadFixture(relativePath: string): LoadedSpec {
  const full = resolve(REPO_ROOT, relativePath);
  const text = readFileSync(full, 'utf8');
  const document: unknown = full.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: 100 });
  return specFromDocument(document as object, full);
}

export function configFor(overrides: Partial<SdkgenConfig> = {}): SdkgenConfig {
  return {
    spec: '/in-memory.yaml',
    output: '/tmp/out',
    package: { name: '@acme/petstore', version: '1.0.0' },
    client: { name: 'PetStore' },
    runtime: 'vendored',
    defaults: {},
    pagination: {},
    validateResponses: false,
    allowRemoteRefs: false,
    ...overrides,
  };
}

/** A minimal valid document with the given paths (and optional components). */
export function doc(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): object {
  return { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths, ...extra };
}
