/** One generated method per operation: signature, JSDoc, and its single line of logic. */
import type { OperationModel } from '../model/index.js';
import { jsDoc } from './escape.js';
import { INDENT, memberBody, PRINT_WIDTH, signature } from './code-writer.js';
import type { SchemaPrinter } from './schema-printer.js';
import {
  errorTypeDeclarations,
  pageItemType,
  paramsTypeDeclaration,
  responseTypeDeclaration,
  resultType,
  takesNoParams,
  type TypeUses,
} from './type-expressions.js';
import { methodExample } from './examples.js';

/** Summaries this short, with nothing else to say, fit on the `/** ... *\/` line. */
const END_PUNCTUATION = /[.!?:]$/;

function methodDoc(op: OperationModel): string {
  const route = `${op.method} ${op.path}`;
  const summary = op.summary?.trim();
  const lead = summary !== undefined ? `${summary}${END_PUNCTUATION.test(summary) ? '' : '.'} ${route}` : route;
  const errors =
    op.errorTypeName !== undefined
      ? `Declared error responses: \`${op.errorTypeName}\` (narrow with \`is${op.errorTypeName}(err)\`).`
      : undefined;
  return jsDoc([lead, op.description, errors, methodExample(op), op.deprecated ? '@deprecated' : undefined], INDENT);
}

/** The top-level declarations an operation brings to its file: params, response, error type and guard. */
export function operationDeclarations(op: OperationModel, printer: SchemaPrinter, uses: TypeUses): string[] {
  const out = [paramsTypeDeclaration(op, printer, uses)];
  const response = responseTypeDeclaration(op, printer);
  if (response !== '') out.push(response);
  out.push(...errorTypeDeclarations(op, printer, uses));
  return out;
}

/**
 * The method, indented as a class member.
 * @param target `this.client` in a resource class, `this` on the client itself.
 */
export function methodDeclaration(op: OperationModel, target: string, printer: SchemaPrinter, uses: TypeUses): string {
  uses.runtime.add('RequestOptions');
  const noParams = takesNoParams(op);
  const paramsArg = noParams ? 'undefined' : 'params';
  let returnType: string;
  let call: string;
  if (op.pagination) {
    const item = pageItemType(op, printer, uses);
    uses.runtime.add('PagePromise');
    returnType = `PagePromise<${item}>`;
    call = `${target}.paginate<${item}>(operations.${op.key}, ${paramsArg}, options)`;
  } else {
    const result = resultType(op, printer, uses);
    uses.runtime.add('ApiPromise');
    returnType = `ApiPromise<${result}>`;
    call = `${target}.request<${result}>(operations.${op.key}, ${paramsArg}, options)`;
  }
  // No params at all: `(options?)`. Params are optional (`= {}`) when nothing in them is required.
  const params = [
    ...(noParams ? [] : [`params: ${op.paramsTypeName}${op.paramsRequired ? '' : ' = {}'}`]),
    'options?: RequestOptions',
  ];
  return `${methodDoc(op)}${signature(INDENT, op.methodName, params, `: ${returnType}`)} ${memberBody([returnStatement(call)])}`;
}

/** `return target.request<T>(op, params, options);`, its arguments one per line when it does not fit. */
function returnStatement(call: string): string {
  const line = `${INDENT}${INDENT}return ${call};`;
  if (line.length <= PRINT_WIDTH) return `return ${call};`;
  const open = call.indexOf('(operations.');
  const args = call.slice(open + 1, -1).split(', ');
  return `return ${call.slice(0, open + 1)}\n${args.map((a) => `${INDENT}${INDENT}${INDENT}${a},`).join('\n')}\n${INDENT}${INDENT});`;
}
