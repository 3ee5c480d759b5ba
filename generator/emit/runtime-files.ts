/** src/runtime/: the runtime, vendored verbatim (tests excluded), in sorted path order. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { SDKGEN_ROOT } from '../package-root.js';

/** The runtime folder of this checkout (or of the installed sdkgen package). */
export const RUNTIME_SOURCE_DIR = resolve(SDKGEN_ROOT, 'runtime');
/** The optional ajv response checker, vendored as src/validation/ajv-checker.ts. */
export const VALIDATION_CHECKER_FILE = resolve(SDKGEN_ROOT, 'validation/ajv-checker.ts');

export function validationCheckerFile(): Promise<string> {
  return readFile(VALIDATION_CHECKER_FILE, 'utf8');
}

async function listTs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTs(full)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
      out.push(full);
  }
  return out;
}

export async function runtimeFiles(sourceDir = RUNTIME_SOURCE_DIR): Promise<Map<string, string>> {
  const files = (await listTs(sourceDir)).map((f) => relative(sourceDir, f).split(sep).join('/')).sort();
  const out = new Map<string, string>();
  for (const rel of files) out.set(`src/runtime/${rel}`, await readFile(join(sourceDir, rel), 'utf8'));
  return out;
}
