/**
 * src/index.ts: the package root. The generated client, its option, auth and params types, the
 * models, and an explicit list of runtime names (PUBLIC_RUNTIME_VALUES / PUBLIC_RUNTIME_TYPES):
 * what users catch, await, pass and receive. Everything else in src/runtime/ is internal and may
 * change in any release (openai-node's src/internal/ rule); docs/runtime.md "Public surface".
 */
import type { ApiModel, OperationModel } from '../model/index.js';
import { GENERATED_HEADER, stringLiteral } from './escape.js';
import { namedList } from './code-writer.js';
import { PUBLIC_RUNTIME_TYPES, PUBLIC_RUNTIME_VALUES } from '../lib/runtime-surface.js';

// The runtime's public surface lives in generator/lib/ because model/reserved-names.ts reserves the same names.
export { PUBLIC_RUNTIME_TYPES, PUBLIC_RUNTIME_VALUES };

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
  out.push(
    namedList(
      'export',
      [model.clientName, ...model.rootOperations.flatMap((op) => root(op).values).sort()],
      ` from './client.js';`,
    ),
  );
  out.push(
    namedList(
      'export type',
      [
        `${model.clientName}Auth`,
        `${model.clientName}Options`,
        ...model.rootOperations.flatMap((op) => root(op).types).sort(),
      ],
      ` from './client.js';`,
    ),
  );
  for (const r of model.resources) out.push(...exportLines(r.operations, `./resources/${r.fileName}.js`));
  const modelNames = model.models.flatMap((m) => (m.inputName !== undefined ? [m.name, m.inputName] : [m.name])).sort();
  if (modelNames.length > 0) out.push(namedList('export type', modelNames, ` from './models.js';`));
  if (withOpenapiTypescript) out.push(`export type { paths, components } from './types.js';`);
  // A spec name that is also a runtime name keeps the spec's meaning here, as `export *` did
  // (model/reserved-names.ts renames models away from runtime names, so this is a backstop).
  const allOps = [...model.rootOperations, ...model.resources.flatMap((r) => r.operations)];
  const taken = new Set([
    ...modelNames,
    ...allOps.flatMap((op) => [...operationExports(op).types, ...operationExports(op).values]),
  ]);
  out.push("// The runtime's public surface; everything else under ./runtime/ is internal.");
  out.push(
    namedList(
      'export',
      PUBLIC_RUNTIME_VALUES.filter((name) => !taken.has(name)),
      ` from ${stringLiteral(runtimeImport)};`,
    ),
  );
  out.push(
    namedList(
      'export type',
      PUBLIC_RUNTIME_TYPES.filter((name) => !taken.has(name)),
      ` from ${stringLiteral(runtimeImport)};`,
    ),
  );
  return `${out.join('\n')}\n`;
}
