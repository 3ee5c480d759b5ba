/** One generated method per operation: signature, JSDoc, and its single line of logic. */
import { StructureKind, type MethodDeclarationStructure, type OptionalKind } from 'ts-morph';
import type { OperationModel } from '../model/index.js';
import { docText } from './escape.js';
import { pageItemType, paramsType, resultType, type TypeUses } from './type-expressions.js';

/** Summaries this short, with nothing else to say, fit on the `/** ... *\/` line. */
const END_PUNCTUATION = /[.!?:]$/;

function methodDoc(op: OperationModel): string {
  const route = `${op.method} ${op.path}`;
  const summary = op.summary?.trim();
  const lead = summary !== undefined ? `${summary}${END_PUNCTUATION.test(summary) ? '' : '.'} ${route}` : route;
  return docText([lead, op.description, op.deprecated ? '@deprecated' : undefined])!;
}

/** `export type ListPetsParams = ...;` with the params' own docs. */
export function paramsTypeDeclaration(op: OperationModel, uses: TypeUses): string {
  return `/** Parameters of \`${op.methodName}\` (${op.method} ${docText([op.path])}). */\nexport type ${op.paramsTypeName} = ${paramsType(op, uses)};`;
}

/**
 * @param target `this.client` in a resource class, `this` on the client itself.
 */
export function methodStructure(
  op: OperationModel,
  target: string,
  modelNames: ReadonlyMap<string, string>,
  uses: TypeUses,
): OptionalKind<MethodDeclarationStructure> & { kind: StructureKind.Method } {
  uses.runtime.add('RequestOptions');
  let returnType: string;
  let call: string;
  if (op.pagination) {
    const item = pageItemType(op, modelNames, uses);
    uses.runtime.add('PagePromise');
    returnType = `PagePromise<${item}>`;
    call = `${target}.paginate<${item}>(operations.${op.key}, params, options)`;
  } else {
    const result = resultType(op, modelNames, uses);
    uses.runtime.add('ApiPromise');
    returnType = `ApiPromise<${result}>`;
    call = `${target}.request<${result}>(operations.${op.key}, params, options)`;
  }
  return {
    kind: StructureKind.Method,
    name: op.methodName,
    docs: [methodDoc(op)],
    parameters: [
      op.paramsRequired
        ? { name: 'params', type: op.paramsTypeName }
        : { name: 'params', type: op.paramsTypeName, initializer: '{}' },
      { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
    ],
    returnType,
    statements: [`return ${call};`],
  };
}
