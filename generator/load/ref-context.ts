/**
 * What kind of OpenAPI object a `$ref` stands for, read from where it sits in the document
 * (`.../schema`, `.../parameters/0`, `.../responses/404`). The bundler uses it to place an
 * external target under the right `components/*` section, or to inline it where the format
 * has no section for it (path items in 3.0).
 */

export type ComponentKind =
  | 'schemas'
  | 'parameters'
  | 'responses'
  | 'requestBodies'
  | 'headers'
  | 'examples'
  | 'links'
  | 'callbacks';

/** Where each kind of component lives: OpenAPI 3.x under `components`, Swagger 2.0 at the root. */
export type ComponentLayout = Readonly<Partial<Record<ComponentKind, readonly string[]>>>;

export const OPENAPI3_LAYOUT: ComponentLayout = {
  schemas: ['components', 'schemas'],
  parameters: ['components', 'parameters'],
  responses: ['components', 'responses'],
  requestBodies: ['components', 'requestBodies'],
  headers: ['components', 'headers'],
  examples: ['components', 'examples'],
  links: ['components', 'links'],
  callbacks: ['components', 'callbacks'],
};

export const SWAGGER2_LAYOUT: ComponentLayout = {
  schemas: ['definitions'],
  parameters: ['parameters'],
  responses: ['responses'],
};

/** Keys whose value is a schema. */
const SCHEMA_VALUED_KEYS = new Set([
  'schema',
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
]);
/** Keys whose entries (by name or index) are schemas. */
const SCHEMA_MAP_KEYS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'allOf',
  'oneOf',
  'anyOf',
  'prefixItems',
]);
const ENTRY_KINDS: Readonly<Record<string, ComponentKind>> = {
  parameters: 'parameters',
  responses: 'responses',
  headers: 'headers',
  examples: 'examples',
  links: 'links',
  callbacks: 'callbacks',
};

/**
 * The kind of the object at `segments` (the object holding the `$ref`), or `inline` when it
 * has no components section (a path item, or anything we cannot classify: inlining is always
 * correct, only less compact).
 */
export function refContextKind(segments: readonly string[], layout: ComponentLayout): ComponentKind | 'inline' {
  const last = segments[segments.length - 1];
  const parent = segments[segments.length - 2];
  if (last === undefined) return 'inline';
  if (segments.length === 2 && segments[0] === 'paths') return 'inline';
  for (const [kind, container] of Object.entries(layout) as [ComponentKind, readonly string[]][]) {
    if (segments.length === container.length + 1 && container.every((part, index) => segments[index] === part)) {
      return kind;
    }
  }
  let kind: ComponentKind | 'inline' = 'inline';
  if (SCHEMA_VALUED_KEYS.has(last) || (parent !== undefined && SCHEMA_MAP_KEYS.has(parent))) kind = 'schemas';
  else if (last === 'requestBody') kind = 'requestBodies';
  else if (parent !== undefined && ENTRY_KINDS[parent]) kind = ENTRY_KINDS[parent];
  return layout[kind as ComponentKind] ? kind : 'inline';
}

/**
 * Keys holding example or default data, where a `$ref` key is data, not a reference. `value` is
 * an Example Object's literal (GitHub's SCIM examples carry `"$ref": "https://api.github.com/..."`);
 * a property called `value` is still walked, as keys under `properties` always are.
 */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);

/** Whether to walk into `key` when looking for `$ref`s (`parentKey` is the key holding the object). */
/** Maps whose keys are names the author chose (property names, definition names). */
const NAME_MAP_KEYS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * Inside a name map a key `$ref` is a property called "$ref" (SCIM, Kubernetes' JSONSchemaProps,
 * JSON Schema meta-schemas), whose value is a schema, not a reference.
 */
export function keysAreNames(parentKey: string | undefined): boolean {
  return parentKey !== undefined && NAME_MAP_KEYS.has(parentKey);
}

export function isReferenceBearing(key: string, parentKey: string | undefined): boolean {
  // Inside `properties` every key is a property name, even `example` or `default`; inside
  // `responses`, `default` is the default response.
  if (parentKey !== undefined && (SCHEMA_MAP_KEYS.has(parentKey) || parentKey === 'responses')) return true;
  if (key.startsWith('x-')) return false;
  return !DATA_KEYS.has(key);
}
