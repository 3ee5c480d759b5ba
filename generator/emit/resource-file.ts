/** src/resources/<resource>.ts: one class per resource, its params types, nothing else. */
import type { ResourceModel } from "../model/index.js";
import { GENERATED_HEADER, jsDoc } from "./escape.js";
import { methodDeclaration, paramsTypeDeclaration } from "./methods.js";
import { newTypeUses, type TypeUses } from "./type-expressions.js";
import { classDeclaration, INDENT, memberBody, sourceFile } from "./code-writer.js";

/** Import lines for what the generated code used, sorted so output is stable. */
export function importLines(uses: TypeUses, paths: { runtime: string; types: string; models: string; operations: string }, extraRuntimeValues: readonly string[] = []): string {
  const lines: string[] = [];
  const runtimeTypes = [...uses.runtime].filter((n) => !extraRuntimeValues.includes(n)).sort();
  const runtimeNames = [...extraRuntimeValues.map((n) => n), ...runtimeTypes.map((n) => `type ${n}`)];
  if (runtimeNames.length > 0) lines.push(`import { ${runtimeNames.join(', ')} } from ${JSON.stringify(paths.runtime)};`);
  if (uses.models.size > 0) lines.push(`import type { ${[...uses.models].sort().join(', ')} } from ${JSON.stringify(paths.models)};`);
  if (uses.paths) lines.push(`import type { paths } from ${JSON.stringify(paths.types)};`);
  return lines.join('\n');
}

export function emitResourceFile(
  resource: ResourceModel,
  modelNames: ReadonlyMap<string, string>,
  runtimeImport: string,
  authTypeName: string,
): string {
  const uses = newTypeUses();
  uses.runtime.add('Client');
  const paramsTypes = resource.operations.map((op) => paramsTypeDeclaration(op, uses));
  const methods = resource.operations.map((op) => methodDeclaration(op, 'this.client', modelNames, uses));
  const imports = importLines(uses, { runtime: runtimeImport, types: '../types.js', models: '../models.js', operations: '../operations.js' });
  const classDoc = jsDoc([resource.description ?? `Operations tagged ${JSON.stringify(resource.tag)}.`]);
  const ctor = `${INDENT}constructor(private readonly client: Client<${authTypeName}>) ${memberBody([])}`;
  return sourceFile(
    [`${GENERATED_HEADER}${imports}\nimport { operations } from "../operations.js";\nimport type { ${authTypeName} } from "../client.js";\n`, ...paramsTypes],
    classDeclaration(classDoc, `export class ${resource.className}`, [ctor, ...methods]),
  );
}
