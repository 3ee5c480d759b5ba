/** src/models.ts: a friendly name for every component schema. */
import type { ApiModel } from "../model/index.js";
import { GENERATED_HEADER, jsDoc, stringLiteral } from "./escape.js";

export function emitModelsFile(model: ApiModel): string {
  const lines = model.models.map(
    (m) => `${jsDoc([m.description])}export type ${m.name} = components["schemas"][${stringLiteral(m.schemaName)}];\n`,
  );
  const imports = model.models.length > 0 ? `import type { components } from "./types.js";\n\n` : "";
  return `${GENERATED_HEADER}${imports}${lines.join('\n')}${model.models.length === 0 ? 'export {};\n' : ''}`;
}
