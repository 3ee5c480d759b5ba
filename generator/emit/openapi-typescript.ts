/**
 * The openapi-typescript functions types-file.ts calls, imported from the modules that define
 * them rather than from the package index. The index also loads the package's own bundler
 * (@redocly/openapi-core's full index, parse-json), which we never call: ~0.4 s of every run.
 * The package's `exports` map allows these paths ("./*"), and its version is pinned exactly in
 * package.json, so the paths cannot move under us; types come from the package's declarations.
 */
import type * as OpenapiTs from 'openapi-typescript';
// @ts-expect-error -- the deep modules ship no declarations; typed from the index's below.
import transformSchemaImpl from 'openapi-typescript/dist/transform/index.mjs';
import {
  resolveRef as resolveRefImpl,
  scanDiscriminators as scanDiscriminatorsImpl,
  // @ts-expect-error -- as above (on the specifier's line, where tsc reports it once it is wrapped).
} from 'openapi-typescript/dist/lib/utils.mjs';
// @ts-expect-error -- as above.
import { astToString as astToStringImpl } from 'openapi-typescript/dist/lib/ts.mjs';

export const transformSchema: typeof OpenapiTs.transformSchema = transformSchemaImpl;
export const resolveRef: typeof OpenapiTs.resolveRef = resolveRefImpl;
export const scanDiscriminators: typeof OpenapiTs.scanDiscriminators = scanDiscriminatorsImpl;
export const astToString: typeof OpenapiTs.astToString = astToStringImpl;
export type { GlobalContext, OpenAPI3 } from 'openapi-typescript';
