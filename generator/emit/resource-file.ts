/** src/resources/<resource>.ts: one class per resource and its operations' declarations. */
import type { ResourceModel } from '../model/index.js';
import { GENERATED_HEADER, jsDoc, stringLiteral } from './escape.js';
import { methodDeclaration, operationDeclarations } from './methods.js';
import type { SchemaPrinter } from './schema-printer.js';
import { newTypeUses, type TypeUses } from './type-expressions.js';
import { classDeclaration, INDENT, namedList, sourceFile } from './code-writer.js';

/** Import lines for what the generated code used, sorted so output is stable. */
export function importLines(
  uses: TypeUses,
  paths: { runtime: string; models: string },
  extraRuntimeValues: readonly string[] = [],
): string {
  const lines: string[] = [];
  const values = [...new Set([...extraRuntimeValues, ...uses.values])].sort();
  const runtimeTypes = [...uses.runtime].filter((n) => !values.includes(n)).sort();
  const runtimeNames = [...values, ...runtimeTypes.map((n) => `type ${n}`)];
  if (runtimeNames.length > 0) lines.push(namedList('import', runtimeNames, ` from ${stringLiteral(paths.runtime)};`));
  if (uses.models.size > 0)
    lines.push(namedList('import type', [...uses.models].sort(), ` from ${stringLiteral(paths.models)};`));
  return lines.join('\n');
}

export function emitResourceFile(
  resource: ResourceModel,
  printer: SchemaPrinter,
  runtimeImport: string,
  authTypeName: string,
): string {
  const uses = newTypeUses();
  printer.uses = uses;
  uses.runtime.add('Client');
  const declarations = resource.operations.flatMap((op) => operationDeclarations(op, printer, uses));
  const methods = resource.operations.map((op) => methodDeclaration(op, 'this.client', printer, uses));
  printer.uses = undefined;
  const imports = importLines(uses, { runtime: runtimeImport, models: '../models.js' });
  const classDoc = jsDoc([resource.description ?? `Operations tagged ${JSON.stringify(resource.tag)}.`]);
  const ctor = `${INDENT}constructor(private readonly client: Client<${authTypeName}>) {}`;
  return sourceFile(
    [
      `${GENERATED_HEADER}${imports}\nimport { operations } from '../operations.js';\nimport type { ${authTypeName} } from '../client.js';\n`,
      ...declarations,
    ],
    classDeclaration(classDoc, `export class ${resource.className}`, [ctor, ...methods]),
  );
}
