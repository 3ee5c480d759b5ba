/**
 * src/types.ts via openapi-typescript, kept behind this one function so the library (in
 * maintenance mode upstream) can be replaced without touching the rest of emit/.
 */
import {
  astToString,
  resolveRef,
  scanDiscriminators,
  transformSchema,
  type GlobalContext,
  type OpenAPI3,
} from './openapi-typescript.js';
import type { OpenApiDocument } from '../types.js';
import { OBJECT_PROTOTYPE_NAMES } from '../model/identifiers.js';
import { decodeRefSegment, escapeSegment, setOwn } from '../lib/json-pointer.js';
import { GENERATED_HEADER, doubleQuotedLiteral } from './escape.js';
import { vacuousSchemas } from './vacuous.js';

/** Prefix of stand-in keys; a document that already uses it is refused rather than mis-typed. */
const PLACEHOLDER_PREFIX = 'SdkgenProtectedKey';
/** A ref openapi-typescript turns into a sound type: a whole component. */
const COMPONENT_REF = /^#\/components\/[^/]+\/[^/]+$/;
/** Keys whose values are data (examples, defaults), not schemas, even inside a schema. */
const DATA_SEGMENTS: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'const', 'enum']);

/**
 * A ref whose target is a schema: inside a component schema, or under a `schema` key, and not
 * inside an example, a default or an extension (Shutterstock points examples at other schemas'
 * examples; those are data, and openapi-typescript does not type them).
 */
function isSchemaPointer(ref: string, target: unknown): boolean {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return false;
  const segments = ref.slice(2).split('/').map(decodeRefSegment);
  if (segments.some((s) => DATA_SEGMENTS.has(s) || s.startsWith('x-'))) return false;
  return (
    (segments[0] === 'components' && segments[1] === 'schemas' && segments.length > 3) || segments.includes('schema')
  );
}

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

/**
 * We hand openapi-typescript a copy with those keys (and the `$ref` segments naming them)
 * replaced by placeholders, and put the real names back, quoted, in its output.
 */
function protectKeys(document: OpenApiDocument): { copy: unknown; restore: (text: string) => string } {
  const protector = new KeyProtector(document);
  const copied = protector.copy(document) as Record<string, unknown>;
  protector.blankSelfReferentialSchemas(copied);
  protector.addHoistedSchemas(copied);
  return { copy: copied, restore: protector.restorer() };
}

/** The state of one protectKeys run: the placeholders handed out and the schemas hoisted. */
class KeyProtector {
  private readonly placeholders = new Map<string, string>();
  /**
   * Schemas reached by a ref into another schema's insides or into an operation
   * (`#/components/schemas/Report/definitions/node`, `#/paths/~1a/get/.../schema`), hoisted into
   * `components.schemas` under their pointer (a name no valid component can have: component names
   * are `[A-Za-z0-9._-]+`). Inlining them instead is exponential on real documents (Azure's
   * network-applicationGateway grew a 526 MB types.ts) and never ends on a node that contains itself.
   */
  private readonly hoisted = new Map<string, unknown>();

  constructor(private readonly document: OpenApiDocument) {}

  private placeholderFor(key: string): string {
    let p = this.placeholders.get(key);
    if (p === undefined) {
      p = `${PLACEHOLDER_PREFIX}${this.placeholders.size}`;
      this.placeholders.set(key, p);
    }
    return p;
  }

  /** `key`, or its placeholder when openapi-typescript cannot take it as it is. */
  private safeKey(key: string): string {
    return needsProtection(key) ? this.placeholderFor(key) : key;
  }

  private rewriteRef(ref: string): string {
    if (!ref.startsWith('#/')) return ref;
    return `#/${ref
      .slice(2)
      .split('/')
      .map((segment) => {
        const key = decodeRefSegment(segment);
        return needsProtection(key) ? this.placeholderFor(key) : segment;
      })
      .join('/')}`;
  }

  private hoistedRef(ref: string, target: unknown): string {
    const key = this.placeholderFor(`#/${ref.slice(2).split('/').map(decodeRefSegment).map(escapeSegment).join('/')}`);
    if (!this.hoisted.has(key)) {
      this.hoisted.set(key, undefined);
      this.hoisted.set(key, this.copy(target));
    }
    return `#/components/schemas/${key}`;
  }

  /** `inlining`: the refs being inlined around this node, to stop at a ref that contains itself. */
  copy(value: unknown, inlining: readonly string[] = []): unknown {
    if (Array.isArray(value)) return value.map((v) => this.copy(v, inlining));
    if (typeof value !== 'object' || value === null) return value;
    // Any other ref into `#/paths/...` (a parameter, a response) becomes an index type
    // openapi-typescript gets wrong (it keeps `parameters`/`responses` segments); the model resolves
    // such refs, so the types inline their target instead.
    const ref = (value as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/') && !COMPONENT_REF.test(ref)) {
      const target = lookupPointer(this.document, ref);
      if (target !== undefined) {
        if (isSchemaPointer(ref, target))
          return {
            ...this.copySiblings(value as Record<string, unknown>, inlining),
            $ref: this.hoistedRef(ref, target),
          };
        if (inlining.includes(ref) || inlining.length >= MAX_INLINE_DEPTH) return {};
        return this.copy(target, [...inlining, ref]);
      }
    }
    return this.copyObject(value as Record<string, unknown>, inlining);
  }

  private copyObject(node: Record<string, unknown>, inlining: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // openapi-typescript reads the `enum` of an object schema as a list of schemas (a oneOf) and
    // throws on a string in it (Mercedes-Benz's configurator: `type: object` with `enum: [PKW, VAN]`).
    // Without the enum the type is the object's: wider, never wrong.
    const dropEnum =
      Array.isArray(node.enum) && (node.type === 'object' || 'properties' in node || 'additionalProperties' in node);
    for (const key of Object.keys(node)) {
      if (dropEnum && key === 'enum') continue;
      const v = node[key];
      if (key.startsWith(PLACEHOLDER_PREFIX))
        throw new Error(`key ${JSON.stringify(key)} clashes with sdkgen's placeholder prefix`);
      const safeKey = this.safeKey(key);
      // openapi-typescript turns an operationId into a pointer too (`operations["a%2Fb"]` is
      // looked up as `operations["a/b"]`); `responses` tells an operation from an example.
      const protectedId = key === 'operationId' && typeof v === 'string' && needsProtection(v) && 'responses' in node;
      // A plain assignment is safe: `__proto__`, the one key it would treat specially, is always
      // a placeholder here. (defineProperty per key cost ~50 ms on GitHub's spec.)
      out[safeKey] =
        key === '$ref' && typeof v === 'string'
          ? this.rewriteRef(v)
          : protectedId
            ? this.placeholderFor(v)
            : this.copy(v, inlining);
    }
    return out;
  }

  private copySiblings(value: Record<string, unknown>, inlining: readonly string[]): Record<string, unknown> {
    const { $ref: _ref, ...rest } = value;
    return this.copy(rest, inlining) as Record<string, unknown>;
  }

  /**
   * A component that is, through unions and intersections of refs, a ref to itself
   * (`A: {$ref: A}`, `A: {oneOf: [{$ref: B}]}` with `B: {$ref: A}`, `A: {items: {$ref: A}}`) has
   * no finite TypeScript alias;
   * openapi-typescript prints `A: components["schemas"]["B"]`, which tsc rejects (TS2502). Those
   * components are typed `unknown`. A ref under `properties` is fine: an object type is deferred.
   */
  blankSelfReferentialSchemas(copied: Record<string, unknown>): void {
    const originalSchemas = (this.document.components as Record<string, unknown> | undefined)?.schemas as
      | Record<string, unknown>
      | undefined;
    const copiedSchemas = (copied.components as Record<string, unknown> | undefined)?.schemas as
      | Record<string, unknown>
      | undefined;
    if (!originalSchemas || !copiedSchemas) return;
    for (const name of vacuousSchemas(originalSchemas)) setOwn(copiedSchemas, this.safeKey(name), {});
  }

  addHoistedSchemas(copied: Record<string, unknown>): void {
    if (this.hoisted.size === 0) return;
    const components = (copied.components ?? {}) as Record<string, unknown>;
    const schemas = (components.schemas ?? {}) as Record<string, unknown>;
    for (const [key, schema] of this.hoisted) schemas[key] = schema;
    copied.components = { ...components, schemas };
  }

  /** Puts the real names back, quoted, in openapi-typescript's output. */
  restorer(): (text: string) => string {
    const literals = new Map<string, string>();
    // `*\/` is `*/` in a string literal, and cannot end a comment a placeholder may sit in.
    for (const [key, placeholder] of this.placeholders)
      literals.set(placeholder, doubleQuotedLiteral(key).replace(/\*\//g, '*\\/'));
    // One pass over the output whatever the number of placeholders: quoted uses (index accesses)
    // and bare property keys alike become the real name, quoted.
    return (text: string): string =>
      literals.size === 0
        ? text
        : text.replace(
            new RegExp(`"(${PLACEHOLDER_PREFIX}\\d+)"|\\b(${PLACEHOLDER_PREFIX}\\d+)\\b`, 'g'),
            (whole, quoted?: string, bare?: string) => literals.get(quoted ?? bare!) ?? whole,
          );
  }
}

/**
 * openapiTS() first lints and bundles the document with Redocly: 2.6 s of GitHub's 4.3 s, spent
 * on work the loader has already done (our document is bundled, its refs checked, its operationIds
 * unique). So we call its transform directly, with the options openapiTS() defaults to. These are
 * public exports of the pinned openapi-typescript 7.13.0; `ctx.redoc` is not read by any transform.
 */
function contextFor(schema: OpenAPI3, discriminators: GlobalContext['discriminators']): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
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

/**
 * openapi-typescript's helper for `allOf: [{$ref: X}]` + `required`. With a nullable X
 * (`nullable: true`, `type: [object, "null"]`) `keyof T` is `never` and every use is TS2344
 * (Plaid's `Cause` = PlaidError + item_id). Keyed on the non-null part, it means what the spec
 * says: the object's listed properties are required, and null stays possible where X allows it.
 */
const WITH_REQUIRED = 'type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};';
const WITH_REQUIRED_NULLABLE =
  'type WithRequired<T, K extends keyof NonNullable<T>> = T & {\n    [P in K]-?: NonNullable<T>[P];\n};';

/**
 * openapi-typescript adds the discriminator property (`class: "AddMediaIntent"`) to a schema that
 * inherits a discriminator through allOf; when the schema also declares that property itself
 * (Apple's SiriKit documents do), the object type has it twice (TS2300). The added literal is at
 * least as precise as the declared one, so the declared one is dropped from the copy.
 */
function dropShadowedDiscriminatorProperties(schema: OpenAPI3, discriminators: GlobalContext['discriminators']): void {
  for (const [path, discriminator] of Object.entries(discriminators.objects)) {
    if (discriminators.refsHandled.includes(path) || !path.startsWith('#/')) continue;
    let node: unknown = schema;
    for (const raw of path.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node =
        typeof node === 'object' && node !== null && Object.hasOwn(node, key)
          ? (node as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof node !== 'object' || node === null) continue;
    const s = node as Record<string, unknown>;
    const properties = s.properties;
    if (s.discriminator !== undefined || !(Array.isArray(s.allOf) || Array.isArray(s.anyOf))) continue;
    if (typeof properties !== 'object' || properties === null || !Object.hasOwn(properties, discriminator.propertyName))
      continue;
    delete (properties as Record<string, unknown>)[discriminator.propertyName];
  }
}

export function emitTypesFile(document: OpenApiDocument): string {
  const { copy, restore } = protectKeys(document);
  const schema = copy as OpenAPI3;
  // Scanned once: it also patches the copy (discriminator enums of oneOf members).
  const discriminators = scanDiscriminators(schema, { silent: true });
  dropShadowedDiscriminatorProperties(schema, discriminators);
  const ast = transformSchema(schema, contextFor(schema, discriminators));
  const text = restore(astToString(ast)).replace(WITH_REQUIRED, WITH_REQUIRED_NULLABLE);
  return `${GENERATED_HEADER}/* eslint-disable */\n${text}`;
}
