/** `{{placeholder}}` substitution for the package's non-code files in templates/. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SDKGEN_ROOT } from '../package-root.js';

export const TEMPLATES_DIR = resolve(SDKGEN_ROOT, 'templates');

/**
 * Replaces every `{{name}}`; an unknown placeholder is a bug in sdkgen, so it throws rather than
 * shipping a README with holes. Values are inserted as given: callers escape for the file type.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`template placeholder {{${name}}} has no value`);
    return values[name]!;
  });
}

export async function renderTemplate(file: string, values: Readonly<Record<string, string>>): Promise<string> {
  return fillTemplate(await readFile(resolve(TEMPLATES_DIR, file), 'utf8'), values);
}
