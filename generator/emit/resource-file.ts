/** src/resources/<resource>.ts: one class per resource, its params types, nothing else. */
import { Scope, StructureKind, type Project } from 'ts-morph';
import type { ResourceModel } from "../model/index.js";
import { docText, GENERATED_HEADER } from "./escape.js";
import { methodStructure, paramsTypeDeclaration } from "./methods.js";
import { newTypeUses, type TypeUses } from "./type-expressions.js";
import { printFile } from "./ts-project.js";

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
  project: Project,
  resource: ResourceModel,
  modelNames: ReadonlyMap<string, string>,
  runtimeImport: string,
  authTypeName: string,
): string {
  const uses = newTypeUses();
  uses.runtime.add('Client');
  const paramsTypes = resource.operations.map((op) => paramsTypeDeclaration(op, uses));
  const methods = resource.operations.map((op) => methodStructure(op, 'this.client', modelNames, uses));
  const imports = importLines(uses, { runtime: runtimeImport, types: '../types.js', models: '../models.js', operations: '../operations.js' });
  const classDoc = docText([resource.description ?? `Operations tagged ${JSON.stringify(resource.tag)}.`]);
  return printFile(project, `/resources/${resource.fileName}.ts`, {
    statements: [
      `${GENERATED_HEADER}${imports}\nimport { operations } from "../operations.js";\nimport type { ${authTypeName} } from "../client.js";\n`,
      ...paramsTypes,
      {
        kind: StructureKind.Class,
        name: resource.className,
        isExported: true,
        ...(classDoc !== undefined ? { docs: [classDoc] } : {}),
        ctors: [{ parameters: [{ name: 'client', type: `Client<${authTypeName}>`, scope: Scope.Private, isReadonly: true }] }],
        methods,
      },
    ],
  });
}
