/** src/operations.ts: the descriptor table and the API descriptor, printed as plain literals. */
import type { ApiModel, OperationModel } from '../model/index.js';
import { GENERATED_HEADER, stringLiteral, typePropertyKey } from './escape.js';
import { Expression, printJson, printLiteral, type LiteralValue } from './literal.js';
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
 * JSON text made safe inside String.raw`...`: a backtick or `${` would end the literal or start
 * an expression. `$` and backtick only ever occur inside JSON strings, where \u0024 and \u0060
 * mean the same to JSON.parse (String.raw keeps the backslash).
 */
function rawTemplateText(json: string): string {
  return json.replace(/\$/g, '\\u0024').replace(/`/g, '\\u0060');
}

export function emitOperationsFile(model: ApiModel, runtimeImport: string, withResponseSchemas = false): string {
  const table: Record<string, LiteralValue> = {};
  for (const op of model.operations) setOwn(table, op.key, operationLiteral(op));
  // The explicit interface types every entry as the plain descriptor the runtime takes and keeps
  // the declaration file small (`typeof table` exceeds tsc's limit on Microsoft Graph, TS7056).
  const keys = model.operations.map((op) => `  readonly ${typePropertyKey(op.key)}: OperationDescriptor;`);
  return (
    GENERATED_HEADER +
    `import type { ApiDescriptor, OperationDescriptor } from ${stringLiteral(runtimeImport)};\n\n` +
    `/** One descriptor per operation: what the runtime needs to call it. */\n` +
    `export interface OperationTable {${keys.length > 0 ? `\n${keys.join('\n')}\n` : ''}}\n\n` +
    `/**\n * The table is JSON parsed once at import (GitHub's 1 MB in ~5 ms), not an object literal: tsc types\n` +
    ` * every literal in a literal (GitHub's table was 35,000 of a consumer's 51,000 types and most\n` +
    ` * of its check time). One entry per line group, so a regenerated table still diffs by line.\n */\n` +
    `export const operations: OperationTable = JSON.parse(String.raw\`\n${rawTemplateText(printJson(table))}\n\`);\n\n` +
    `export const api: ApiDescriptor = ${printLiteral(apiLiteral(model, withResponseSchemas))};\n`
  );
}
