/** One generated method per operation: signature, JSDoc, and its single line of logic. */
import type { OperationModel } from '../model/index.js';
import { docText, jsDoc } from './escape.js';
import { INDENT, memberBody } from './code-writer.js';
import { pageItemType, paramsType, resultType, type TypeUses } from './type-expressions.js';
import { methodExample } from './examples.js';

/** Summaries this short, with nothing else to say, fit on the `/** ... *\/` line. */
const END_PUNCTUATION = /[.!?:]$/;

function methodDoc(op: OperationModel): string {
  const route = `${op.method} ${op.path}`;
  const summary = op.summary?.trim();
  const lead = summary !== undefined ? `${summary}${END_PUNCTUATION.test(summary) ? '' : '.'} ${route}` : route;
  return jsDoc([lead, op.description, methodExample(op), op.deprecated ? '@deprecated' : undefined], INDENT);
}

/** `export type ListPetsParams = ...;` with the params' own docs. */
export function paramsTypeDeclaration(op: OperationModel, uses: TypeUses): string {
  return `/** Parameters of \`${op.methodName}\` (${op.method} ${docText([op.path])}). */\nexport type ${op.paramsTypeName} = ${paramsType(op, uses)};`;
}

/**
 * The method, indented as a class member.
 * @param target `this.client` in a resource class, `this` on the client itself.
 */
export function methodDeclaration(op: OperationModel, target: string, modelNames: ReadonlyMap<string, string>, uses: TypeUses): string {
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
  // Params are optional (`= {}`) when nothing in them is required.
  const params = `params: ${op.paramsTypeName}${op.paramsRequired ? '' : ' = {}'}`;
  return `${methodDoc(op)}${INDENT}${op.methodName}(${params}, options?: RequestOptions): ${returnType} ${memberBody([`return ${call};`])}`;
}
