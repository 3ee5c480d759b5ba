/** src/operations.ts: one descriptor per operation, the table of them, and the API descriptor. */
import type { ApiModel, OperationModel } from '../model/index.js';
import { GENERATED_HEADER, objectLiteralKey, stringLiteral, typePropertyKey } from './escape.js';
import { Expression, printJson, printLiteral, type LiteralValue } from './literal.js';
import { INDENT, PRINT_WIDTH } from './code-writer.js';
import { setOwn } from '../lib/json-pointer.js';

export function operationLiteral(op: OperationModel): LiteralValue {
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    params: op.params.map((p) => ({
      name: p.name,
      key: p.key,
      in: p.in,
      style: p.style,
      explode: p.explode,
      required: p.required,
      allowReserved: p.allowReserved,
      contentType: p.contentType,
    })),
    body: op.body
      ? {
          mediaType: op.body.mediaType,
          required: op.body.required,
          placement: op.body.placement,
          properties: op.body.properties,
          encoding: op.body.encoding,
        }
      : undefined,
    response: {
      success: op.success.map((s) => ({ status: s.status, kind: s.kind, mediaType: s.mediaType })),
      accept: op.accept,
    },
    security: op.security,
    pagination: op.pagination as LiteralValue,
    idempotent: op.idempotent,
    idempotencyHeader: op.idempotencyHeader,
    retry: op.retry as LiteralValue,
    timeout: op.timeout as LiteralValue,
    servers: op.servers as unknown as LiteralValue,
  };
}

/**
 * The loader of the optional response validator: ajv and the schemas are imported on the first
 * call that validates, never at startup (see runtime/validation/).
 */
const RESPONSE_SCHEMAS_LOADER = new Expression(
  '{\n    load: async () => {\n' +
    '      const [{ createResponseChecker }, { responseSchemaBundle }] = await Promise.all([\n' +
    "        import('./validation/ajv-checker.js'),\n" +
    "        import('./validation/schemas.js'),\n" +
    '      ]);\n' +
    '      return createResponseChecker(responseSchemaBundle);\n' +
    '    },\n  }',
);

export function apiLiteral(model: ApiModel, withResponseSchemas: boolean): LiteralValue {
  const schemes: Record<string, LiteralValue> = {};
  for (const name of [...model.securitySchemes.keys()].sort())
    setOwn(schemes, name, model.securitySchemes.get(name) as LiteralValue);
  return {
    name: model.clientName,
    packageName: model.packageName,
    packageVersion: model.packageVersion,
    envPrefix: model.envPrefix,
    servers: model.servers as unknown as LiteralValue,
    securitySchemes: schemes,
    security: model.security,
    errorEnvelope: model.errorEnvelope,
    defaults: model.defaults as LiteralValue,
    responseSchemas: withResponseSchemas ? RESPONSE_SCHEMAS_LOADER : undefined,
  };
}

/**
 * The exported name of an operation's descriptor: `d_` + the operation's key. Keys are unique
 * identifiers, so these are too, and none can be `api` or `operations`, the file's other exports.
 */
export function descriptorName(op: OperationModel): string {
  return `d_${op.key}`;
}

/**
 * JSON text as the body of a plain template literal: a backslash, a backtick and `$` are escaped
 * so the literal's value is the text itself; U+2028/2029 become JSON escapes, so the source never holds
 * them raw (JSON.stringify leaves them as they are).
 */
function templateText(json: string): string {
  return json
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$/g, '\\$')
    .replace(/\u2028/g, '\\\\u2028')
    .replace(/\u2029/g, '\\\\u2029');
}

/**
 * One descriptor per operation, printed once and exported on its own so a bundler keeps only
 * those an app calls: src/functions.ts imports them one by one, the resource classes through
 * the `operations` table (a client wires every resource anyway). Each is JSON parsed at import
 * (GitHub's 1,223 in a few ms), not an object literal: tsc types every literal in a literal
 * (GitHub's table was 35,000 of 51,000 types when the SDK is checked). `@__PURE__` tells a
 * bundler the call may be dropped when its result is unused. Pretty JSON in a template
 * literal, so a regenerated file diffs by line; the head is broken after `=` when prettier
 * would break it there (a key too long for one line).
 */
function descriptorDeclaration(op: OperationModel): string {
  const left = `export const ${descriptorName(op)}: OperationDescriptor =`;
  const right = `/* @__PURE__ */ JSON.parse(\`${templateText(printJson(operationLiteral(op)))}\`);\n`;
  const firstLine = `${left} ${right.slice(0, right.indexOf('\n'))}`;
  return firstLine.length <= PRINT_WIDTH ? `${left} ${right}` : `${left}\n${INDENT}${right}`;
}

/**
 * The optional runtime features this spec uses (runtime/features.ts), in a fixed order: OAuth2
 * client credentials for an oauth2 or bearer scheme (a bearer scheme also takes them), digest for
 * a digest scheme, the NDJSON/SSE parsers for a streamed response, multipart for a multipart
 * request body. What a spec does not use stays
 * out of a bundle of the SDK.
 */
type RuntimeFeature = 'oauth2' | 'digest' | 'eventStreams' | 'multipart';

const MULTIPART = /^multipart\/form-data\s*(;|$)/i;

export function runtimeFeatures(model: ApiModel): readonly RuntimeFeature[] {
  const schemes = [...model.securitySchemes.values()] as readonly { type: string; scheme?: string }[];
  const features: RuntimeFeature[] = [];
  if (schemes.some((s) => s.type === 'oauth2' || (s.type === 'http' && s.scheme === 'bearer'))) features.push('oauth2');
  if (schemes.some((s) => s.type === 'http' && s.scheme === 'digest')) features.push('digest');
  if (model.operations.some((op) => op.success.some((s) => s.kind === 'ndjson' || s.kind === 'sse')))
    features.push('eventStreams');
  if (model.operations.some((op) => op.body !== undefined && MULTIPART.test(op.body.mediaType)))
    features.push('multipart');
  return features;
}

const FEATURE_FILES = {
  oauth2: 'oauth2',
  digest: 'digest',
  eventStreams: 'event-streams',
  multipart: 'multipart',
} as const;

/** The imports and the one installFeatures() call for the spec's optional features; '' when none. */
function featureInstall(model: ApiModel, runtimeImport: string): string {
  const features = runtimeFeatures(model);
  if (features.length === 0) return '';
  const runtimeDir = runtimeImport.slice(0, runtimeImport.lastIndexOf('/') + 1);
  const imports = features.map(
    (name) => `import { ${name} } from ${stringLiteral(`${runtimeDir}features/${FEATURE_FILES[name]}.js`)};
`,
  );
  return (
    `import { installFeatures } from ${stringLiteral(`${runtimeDir}features.js`)};
` +
    imports.join('') +
    `
// What this spec uses of the runtime's optional features (the rest stays out of a bundle).
` +
    `installFeatures({ ${features.join(', ')} });
`
  );
}

export function emitOperationsFile(model: ApiModel, runtimeImport: string, withResponseSchemas = false): string {
  // The explicit interface types every entry as the plain descriptor the runtime takes and keeps
  // the declaration file small (`typeof table` exceeds tsc's limit on Microsoft Graph, TS7056).
  const keys = model.operations.map((op) => `  readonly ${typePropertyKey(op.key)}: OperationDescriptor;`);
  const entries = model.operations.map((op) => `  ${objectLiteralKey(op.key)}: ${descriptorName(op)},`);
  return (
    GENERATED_HEADER +
    `import type { ApiDescriptor, OperationDescriptor } from ${stringLiteral(runtimeImport)};\n` +
    featureInstall(model, runtimeImport) +
    '\n' +
    model.operations.map(descriptorDeclaration).join('\n') +
    `${model.operations.length > 0 ? '\n' : ''}/** One descriptor per operation: what the runtime needs to call it. */\n` +
    `export interface OperationTable {${keys.length > 0 ? `\n${keys.join('\n')}\n` : ''}}\n\n` +
    `export const operations: OperationTable = {${entries.length > 0 ? `\n${entries.join('\n')}\n` : ''}};\n\n` +
    `export const api: ApiDescriptor = ${printLiteral(apiLiteral(model, withResponseSchemas))};\n`
  );
}
