/**
 * Swagger 2.0 -> OpenAPI 3.0 with swagger2openapi (the converter most tools use; it knows the
 * corner cases: formData -> multipart bodies, collectionFormat -> style/explode, x-nullable).
 */
import { createRequire } from 'node:module';
import type { OpenApiDocument, SourceLocation } from '../types.js';
import { InputError } from '../types.js';
import { resolvePointer, parsePointer } from '../lib/json-pointer.js';

interface ConvertOptions {
  patch: boolean;
  warnOnly: boolean;
  resolve: boolean;
}
interface Swagger2OpenApi {
  convertObj(document: object, options: ConvertOptions): Promise<{ openapi: OpenApiDocument }>;
}

const require = createRequire(import.meta.url);

/** swagger2openapi ships no types; this is the one function we call. */
function converter(): Swagger2OpenApi {
  return require('swagger2openapi') as Swagger2OpenApi;
}

/** Where the converter moved things: 3.0 pointer prefix -> 2.0 pointer prefix. */
const MOVED_SECTIONS: readonly (readonly [string, string])[] = [
  ['/components/schemas/', '/definitions/'],
  ['/components/parameters/', '/parameters/'],
  ['/components/responses/', '/responses/'],
  ['/components/securitySchemes/', '/securityDefinitions/'],
];

export async function upgradeSwagger2(
  original: Record<string, unknown>,
  locateOriginal: (pointer: string) => SourceLocation | undefined,
): Promise<{ document: OpenApiDocument; locate: (pointer: string) => SourceLocation | undefined }> {
  let document: OpenApiDocument;
  try {
    // patch: fix small, common defects instead of failing; warnOnly: report the rest as warnings.
    // resolve: false because external refs are already bundled; the converter never fetches.
    document = (
      await converter().convertObj(structuredClone(original), { patch: true, warnOnly: true, resolve: false })
    ).openapi;
  } catch (error) {
    throw new InputError(`cannot upgrade this Swagger 2.0 document to OpenAPI 3.0: ${(error as Error).message}`, {
      location: locateOriginal('/swagger'),
      pointer: '/swagger',
      hint: 'fix the document (validate it with a Swagger 2.0 validator) or convert it to OpenAPI 3 yourself',
    });
  }
  // A pointer of the upgraded document is located only when the same node exists in the original
  // (after undoing the section moves); nodes the converter created have no position.
  const locate = (pointer: string): SourceLocation | undefined => {
    const moved = MOVED_SECTIONS.find(([to]) => pointer.startsWith(to));
    const candidate = moved ? moved[1] + pointer.slice(moved[0].length) : pointer;
    return resolvePointer(original, parsePointer(candidate)).found ? locateOriginal(candidate) : undefined;
  };
  return { document, locate };
}
