/**
 * src/models.ts: every component schema as a named declaration (an interface when it is a plain
 * object), in its response view under the model's name and, when readOnly/writeOnly make the
 * views differ, its request view under `inputName` too; then the aliases the printer hoisted.
 */
import type { ApiModel } from '../model/index.js';
import { isObject } from '../lib/json-pointer.js';
import { GENERATED_HEADER } from './escape.js';
import type { SchemaPrinter } from './schema-printer.js';
import { newTypeUses } from './type-expressions.js';

/** A schema-level example longer than this stays out of the model's JSDoc. */
const MAX_MODEL_EXAMPLE_CHARS = 400;

function modelDoc(schema: unknown, description: string | undefined, view: string | undefined): (string | undefined)[] {
  const node = isObject(schema) ? schema : {};
  const example = node.example ?? (Array.isArray(node.examples) ? node.examples[0] : undefined);
  const exampleText = example === undefined ? undefined : JSON.stringify(example, null, 2);
  return [
    description,
    view,
    exampleText !== undefined && exampleText.length <= MAX_MODEL_EXAMPLE_CHARS ? `@example\n${exampleText}` : undefined,
    node.deprecated === true ? '@deprecated' : undefined,
  ];
}

export function emitModelsFile(
  model: ApiModel,
  printer: SchemaPrinter,
  schemas: Readonly<Record<string, unknown>>,
  vacuous: ReadonlySet<string>,
): string {
  // Models name each other directly: nothing to import.
  printer.uses = newTypeUses();
  const declarations: string[] = [];
  for (const m of model.models) {
    const schema = schemas[m.schemaName];
    if (vacuous.has(m.schemaName)) {
      for (const name of m.inputName !== undefined ? [m.name, m.inputName] : [m.name]) {
        declarations.push(
          `/** \`${m.schemaName}\` refers only to itself (through $ref, allOf, oneOf or anyOf): it has no type. */\nexport type ${name} = unknown;`,
        );
      }
      continue;
    }
    const responseNote =
      m.inputName !== undefined
        ? `As received (writeOnly fields left out); what you send is \`${m.inputName}\`.`
        : undefined;
    declarations.push(printer.declaration(m.name, schema, 'response', modelDoc(schema, m.description, responseNote)));
    if (m.inputName !== undefined) {
      declarations.push(
        printer.declaration(
          m.inputName,
          schema,
          'request',
          modelDoc(schema, m.description, `As sent (readOnly fields left out); what you receive is \`${m.name}\`.`),
        ),
      );
    }
  }
  declarations.push(...printer.drainHoisted());
  printer.uses = undefined;
  return `${GENERATED_HEADER}${declarations.length > 0 ? `\n${declarations.join('\n\n')}\n` : '\nexport {};\n'}`;
}
