/**
 * Type-checks a generated package the way its own `npm run build` (`tsc -p tsconfig.json`) does:
 * same tsconfig (strict, declaration, isolatedModules, verbatimModuleSyntax), same root files, and
 * every diagnostic kind tsc reports (options, global, syntactic, semantic, declaration emit).
 *
 * Two savings that do not change what is checked:
 * - lib.*.d.ts, @types/node and undici's types are parsed and bound once per process: a SourceFile
 *   of an unchanged file is reused across programs (what TypeScript's language service does).
 * - the vendored runtime (src/runtime/) is byte-identical in every SDK and imports nothing of the
 *   SDK, so its own diagnostics cannot depend on the SDK: it is checked in full the first time a
 *   given runtime content is seen, and afterwards only the SDK's own files are checked (against
 *   the runtime's real sources, in the same program).
 */
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

interface CachedFile {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
}

/** Files outside the package (libs, node_modules): keyed by path + options. */
const sharedFiles = new Map<string, CachedFile>();
/** Hashes of runtime folders already checked in full, with their diagnostics. */
const checkedRuntimes = new Map<string, string[]>();

export interface TypecheckResult {
  readonly errors: number;
  /** Formatted diagnostics (file relative to the package), at most `maxShown`. */
  readonly diagnostics: string[];
  /** Error codes with counts, e.g. { TS2300: 3 }. */
  readonly codes: Record<string, number>;
  readonly files: number;
  readonly runtimeChecked: boolean;
}

function cacheKey(fileName: string, options: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof options === 'number') return `${options}|${fileName}`;
  return `${options.languageVersion}|${options.impliedNodeFormat ?? ''}|${fileName}`;
}

function runtimeHash(program: ts.Program, runtimeDir: string): string {
  const hash = createHash('sha256');
  const files = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(runtimeDir))
    .map((f) => [relative(runtimeDir, f.fileName), f.text] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, text] of files) hash.update(name).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

function format(diagnostic: ts.Diagnostic, packageDir: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const file = relative(packageDir, diagnostic.file.fileName).split(sep).join('/');
    return `${file}(${line + 1},${character + 1}): error TS${diagnostic.code}: ${message}`;
  }
  return `error TS${diagnostic.code}: ${message}`;
}

export function typecheckPackage(packageDir: string, maxShown = 20): TypecheckResult {
  const configPath = join(packageDir, 'tsconfig.json');
  const configDiagnostics: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => configDiagnostics.push(d),
    },
  );
  if (!parsed) {
    const diagnostics = configDiagnostics.map((d) => format(d, packageDir));
    return { errors: Math.max(1, diagnostics.length), diagnostics, codes: {}, files: 0, runtimeChecked: false };
  }
  const host = ts.createCompilerHost(parsed.options, true);
  const original = host.getSourceFile.bind(host);
  const packagePrefix = packageDir.endsWith(sep) ? packageDir : `${packageDir}${sep}`;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName.startsWith(packagePrefix) && !fileName.includes(`${sep}node_modules${sep}`)) {
      return original(fileName, languageVersion, onError, shouldCreate);
    }
    const key = cacheKey(fileName, languageVersion);
    const cached = sharedFiles.get(key);
    if (cached) return cached.sourceFile;
    const sourceFile = original(fileName, languageVersion, onError, shouldCreate);
    if (sourceFile) sharedFiles.set(key, { text: sourceFile.text, sourceFile });
    return sourceFile;
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    configFileParsingDiagnostics: parsed.errors,
  });

  const runtimeDir = join(packageDir, 'src', 'runtime') + sep;
  const ownFiles = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(packagePrefix) && !f.fileName.startsWith(runtimeDir) && !f.isDeclarationFile);
  const runtimeFiles = program.getSourceFiles().filter((f) => f.fileName.startsWith(runtimeDir));
  const hash = runtimeFiles.length > 0 ? runtimeHash(program, runtimeDir) : '';
  const runtimeKnown = checkedRuntimes.get(hash);

  const diagnostics: ts.Diagnostic[] = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
  ];
  for (const file of program.getSourceFiles()) diagnostics.push(...program.getSyntacticDiagnostics(file));
  const checkFile = (file: ts.SourceFile) => {
    diagnostics.push(...program.getSemanticDiagnostics(file));
    // tsc emits declarations (declaration: true): their errors (TS4xxx, TS2742 ...) fail the build too.
    if (parsed.options.declaration) diagnostics.push(...program.getDeclarationDiagnostics(file));
  };
  for (const file of ownFiles) checkFile(file);
  let runtimeMessages: string[] = runtimeKnown ?? [];
  if (runtimeKnown === undefined && runtimeFiles.length > 0) {
    const before = diagnostics.length;
    for (const file of runtimeFiles) checkFile(file);
    runtimeMessages = diagnostics.slice(before).map((d) => format(d, packageDir));
    checkedRuntimes.set(hash, runtimeMessages);
    diagnostics.length = before;
  }

  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  const codes: Record<string, number> = {};
  for (const d of errors) codes[`TS${d.code}`] = (codes[`TS${d.code}`] ?? 0) + 1;
  for (const m of runtimeMessages) {
    const code = /error (TS\d+)/.exec(m)?.[1] ?? 'TS?';
    codes[code] = (codes[code] ?? 0) + 1;
  }
  const shown = [...runtimeMessages, ...errors.map((d) => format(d, packageDir))].slice(0, maxShown);
  return {
    errors: errors.length + runtimeMessages.length,
    diagnostics: shown,
    codes,
    files: program.getSourceFiles().length,
    runtimeChecked: runtimeKnown === undefined,
  };
}

/** For tests: forget the caches (a fresh process behaves the same). */
export function resetTypecheckCaches(): void {
  sharedFiles.clear();
  checkedRuntimes.clear();
}
