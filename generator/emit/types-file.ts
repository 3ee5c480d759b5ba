/**
 * src/types.ts via openapi-typescript, kept behind this one function so the library (in
 * maintenance mode upstream) can be replaced without touching the rest of emit/.
 */
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from 'openapi-typescript';
import type { OpenApiDocument } from '../types.js';
import { OBJECT_PROTOTYPE_NAMES } from '../model/identifiers.js';
import { GENERATED_HEADER, stringLiteral } from './escape.js';

/** Prefix of stand-in keys; a document that already uses it is refused rather than mis-typed. */
const PLACEHOLDER_PREFIX = 'SdkgenProtectedKey';
/** A ref openapi-typescript turns into a sound type: a whole component. */
const COMPONENT_REF = /^#\/components\/[^/]+\/[^/]+$/;
/** Nested inlining depth; deeper means refs that inline each other in a cycle. */
const MAX_INLINE_DEPTH = 32;

function lookupPointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeRefSegment(raw);
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Keys openapi-typescript cannot take as they are:
 * - it looks keys up in plain objects, so a schema property or component named `hasOwnProperty`,
 *   `constructor` or `__proto__` crashes it or is silently lost;
 * - it turns every key on the way to a node into a `$ref`-style pointer and parses that back with
 *   Redocly's `decodeURIComponent` (a path `/50%` throws "URI malformed") and its `#/` split (a
 *   key holding `#/` is cut in two).
 */
function needsProtection(key: string): boolean {
  return OBJECT_PROTOTYPE_NAMES.has(key) || key.includes('%') || key.includes('#');
}

/** A `$ref` segment as the model reads it (percent-decoding when it is valid, then ~1 and ~0). */
function decodeRefSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * We hand openapi-typescript a copy with those keys (and the `$ref` segments naming them)
 * replaced by placeholders, and put the real names back, quoted, in its output.
 */
function protectKeys(document: OpenApiDocument): { copy: unknown; restore: (text: string) => string } {
  const placeholders = new Map<string, string>();
  const placeholderFor = (key: string): string => {
    let p = placeholders.get(key);
    if (p === undefined) {
      p = `${PLACEHOLDER_PREFIX}${placeholders.size}`;
      placeholders.set(key, p);
    }
    return p;
  };
  const rewriteRef = (ref: string): string => {
    if (!ref.startsWith('#/')) return ref;
    return `#/${ref
      .slice(2)
      .split('/')
      .map((segment) => {
        const key = decodeRefSegment(segment);
        return needsProtection(key) ? placeholderFor(key) : segment;
      })
      .join('/')}`;
  };
  const copy = (value: unknown, depth = 0): unknown => {
    if (Array.isArray(value)) return value.map((v) => copy(v, depth));
    if (typeof value !== 'object' || value === null) return value;
    // A ref into `#/paths/...` or into a schema's insides becomes an index type openapi-typescript
    // gets wrong (it keeps `schema`/`properties` segments); the model resolves such refs, so the
    // types inline their target instead.
    const ref = (value as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/') && !COMPONENT_REF.test(ref) && depth < MAX_INLINE_DEPTH) {
      const target = lookupPointer(document, ref);
      if (target !== undefined) return copy(target, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (key.startsWith(PLACEHOLDER_PREFIX)) throw new Error(`key ${JSON.stringify(key)} clashes with sdkgen's placeholder prefix`);
      const safeKey = needsProtection(key) ? placeholderFor(key) : key;
      Object.defineProperty(out, safeKey, {
        value: key === '$ref' && typeof v === 'string' ? rewriteRef(v) : copy(v, depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const copied = copy(document);
  const restore = (text: string): string => {
    let result = text;
    for (const [key, placeholder] of placeholders) {
      // `*\/` is `*/` in a string literal, and cannot end a comment a placeholder may sit in.
      const literal = stringLiteral(key).replace(/\*\//g, '*\\/');
      // Quoted uses (index accesses) first, then bare property keys.
      result = result.split(`"${placeholder}"`).join(literal);
      result = result.replace(new RegExp(`\\b${placeholder}\\b`, 'g'), () => literal);
    }
    return result;
  };
  return { copy: copied, restore };
}

/**
 * openapiTS() first lints and bundles the document with Redocly: 2.6 s of GitHub's 4.3 s, spent
 * on work the loader has already done (our document is bundled, its refs checked, its operationIds
 * unique). So we call its transform directly, with the options openapiTS() defaults to. These are
 * public exports of the pinned openapi-typescript 7.13.0; `ctx.redoc` is not read by any transform.
 */
function contextFor(schema: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: true });
    },
  };
}

export function emitTypesFile(document: OpenApiDocument): string {
  const { copy, restore } = protectKeys(document);
  const schema = copy as OpenAPI3;
  const ast = transformSchema(schema, contextFor(schema));
  return `${GENERATED_HEADER}/* eslint-disable */\n${restore(astToString(ast))}`;
}
