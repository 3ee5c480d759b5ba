/** src/index.ts: the package root. Explicit exports win over the runtime's `export *`. */
import type { ApiModel } from "../model/index.js";
import { GENERATED_HEADER } from "./escape.js";

export function emitIndexFile(model: ApiModel, runtimeImport: string): string {
  const out: string[] = [GENERATED_HEADER];
  const rootParams = model.rootOperations.map((op) => op.paramsTypeName).sort();
  out.push(`export { ${model.clientName} } from "./client.js";`);
  out.push(`export type { ${[`${model.clientName}Auth`, `${model.clientName}Options`, ...rootParams].join(', ')} } from "./client.js";`);
  for (const r of model.resources) {
    const names = r.operations.map((op) => op.paramsTypeName).sort();
    if (names.length > 0) out.push(`export type { ${names.join(', ')} } from "./resources/${r.fileName}.js";`);
  }
  if (model.models.length > 0) out.push(`export type { ${model.models.map((m) => m.name).join(', ')} } from "./models.js";`);
  out.push('export type { paths, components } from "./types.js";');
  out.push(`export * from ${JSON.stringify(runtimeImport)};`);
  return `${out.join('\n')}\n`;
}
