/** src/index.ts: the package root. Explicit exports win over the runtime's `export *`. */
import type { ApiModel, OperationModel } from '../model/index.js';
import { GENERATED_HEADER, stringLiteral } from './escape.js';
import { namedList } from './code-writer.js';

/** The type names an operation's declarations export, and its guard (a value). */
function operationExports(op: OperationModel): { types: string[]; values: string[] } {
  const types = [op.paramsTypeName];
  if (op.responseTypeName !== undefined) types.push(op.responseTypeName);
  if (op.errorTypeName !== undefined) types.push(op.errorTypeName);
  return { types, values: op.errorTypeName !== undefined ? [`is${op.errorTypeName}`] : [] };
}

function exportLines(ops: readonly OperationModel[], from: string): string[] {
  const types = ops.flatMap((op) => operationExports(op).types).sort();
  const values = ops.flatMap((op) => operationExports(op).values).sort();
  const lines: string[] = [];
  if (values.length > 0) lines.push(namedList('export', values, ` from ${stringLiteral(from)};`));
  if (types.length > 0) lines.push(namedList('export type', types, ` from ${stringLiteral(from)};`));
  return lines;
}

export function emitIndexFile(model: ApiModel, runtimeImport: string, withOpenapiTypescript: boolean): string {
  const out: string[] = [GENERATED_HEADER];
  const root = operationExports;
  out.push(namedList('export', [model.clientName, ...model.rootOperations.flatMap((op) => root(op).values).sort()], ` from './client.js';`));
  out.push(namedList('export type', [`${model.clientName}Auth`, `${model.clientName}Options`, ...model.rootOperations.flatMap((op) => root(op).types).sort()], ` from './client.js';`));
  for (const r of model.resources) out.push(...exportLines(r.operations, `./resources/${r.fileName}.js`));
  const modelNames = model.models.flatMap((m) => (m.inputName !== undefined ? [m.name, m.inputName] : [m.name])).sort();
  if (modelNames.length > 0) out.push(namedList('export type', modelNames, ` from './models.js';`));
  if (withOpenapiTypescript) out.push(`export type { paths, components } from './types.js';`);
  out.push(`export * from ${stringLiteral(runtimeImport)};`);
  return `${out.join('\n')}\n`;
}
