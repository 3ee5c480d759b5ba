/**
 * The `sdkgen` command: arguments -> generate() -> exit code. Bad input (exit 2) prints one
 * located block and never a stack trace; anything unexpected is an internal error (exit 3).
 */
import { withinEditDistance } from './lib/did-you-mean.js';
import { plural } from './lib/text.js';
import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_INTERNAL, EXIT_OK, InputError } from './types.js';
import { UsageError, formatInputError, formatInternalError, inputErrorJson } from './cli/errors.js';
import { GENERATE_HELP, MAIN_HELP, sdkgenVersion } from './cli/help.js';
import { shouldShowProgress, TerminalProgress } from './cli/progress.js';
import type { GenerateResult } from './generate.js';

const GENERATE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  'allow-remote-refs': { type: 'boolean' },
  'ref-root': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  changelog: { type: 'boolean' },
  bump: { type: 'boolean' },
} as const;

const COMMANDS = ['generate', 'diff'] as const;

interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(MAIN_HELP);
    return EXIT_BAD_INPUT;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(MAIN_HELP);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`sdkgen ${sdkgenVersion()}\n`);
    return EXIT_OK;
  }
  if (first === 'diff') return runDiffCommand(rest, io);
  if (first !== 'generate') {
    const known = first.startsWith('-') ? 'option' : 'command';
    io.stderr.write(
      formatInputError(
        new UsageError(`unknown ${known} "${first}"`, {
          hint: `${closeTo(first, [...COMMANDS, '--help', '--version']) ?? 'run `sdkgen --help` for the commands'}`,
        }),
      ),
    );
    return EXIT_BAD_INPUT;
  }
  return runGenerate(rest, io);
}

/** `sdkgen diff`: its own options and output (generator/cli/diff-command.ts); errors as for generate. */
async function runDiffCommand(args: readonly string[], io: Io): Promise<number> {
  try {
    const { runDiff } = await import('./cli/diff-command.js');
    return await runDiff(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(formatInputError(error));
      return EXIT_BAD_INPUT;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(
        formatInputError(
          new UsageError(error instanceof Error ? error.message : String(error), {
            hint: 'run `sdkgen diff --help` for the usage',
          }),
        ),
      );
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(formatInternalError(error, io.env));
    return EXIT_INTERNAL;
  }
}

async function runGenerate(args: readonly string[], io: Io): Promise<number> {
  let values: {
    [K in keyof typeof GENERATE_OPTIONS]?: (typeof GENERATE_OPTIONS)[K]['type'] extends 'string' ? string : boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: GENERATE_OPTIONS,
      allowPositionals: true,
      strict: true,
    }));
    if (positionals.length > 1) {
      throw new UsageError(`expected one spec, got ${positionals.length}: ${positionals.join(' ')}`, {
        hint: 'pass a single spec file: sdkgen generate openapi.yaml',
      });
    }
  } catch (error) {
    io.stderr.write(formatInputError(error instanceof InputError ? error : usageErrorFrom(error)));
    return EXIT_BAD_INPUT;
  }
  if (values.help) {
    io.stdout.write(GENERATE_HELP);
    return EXIT_OK;
  }
  const json = values.json === true;
  const progress =
    !json && !values.quiet && shouldShowProgress(io.stderr, io.env) ? new TerminalProgress(io.stderr) : undefined;
  try {
    // Loaded here so --help and --version never pay for the TypeScript toolchain.
    const { generate } = await import('./generate.js');
    const result = await generate(
      {
        spec: positionals[0],
        output: values.output,
        config: values.config,
        check: values.check === true,
        allowRemoteRefs: values['allow-remote-refs'] === true,
        ...(values['ref-root'] !== undefined ? { refRoot: values['ref-root'] } : {}),
        changelog: values.changelog === true,
        bump: values.bump === true,
      },
      progress,
    );
    return report(result, { json, quiet: values.quiet === true }, io);
  } catch (error) {
    progress?.interrupted();
    if (error instanceof InputError) {
      io.stderr.write(formatInputError(error));
      if (json) io.stdout.write(JSON.stringify({ ok: false, error: inputErrorJson(error) }, null, 2) + '\n');
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(formatInternalError(error, io.env));
    if (json) {
      const message = error instanceof Error ? error.message : String(error);
      io.stdout.write(JSON.stringify({ ok: false, error: { kind: 'internal', message } }, null, 2) + '\n');
    }
    return EXIT_INTERNAL;
  }
}

async function report(result: GenerateResult, mode: { json: boolean; quiet: boolean }, io: Io): Promise<number> {
  const { displayPath } = await import('./load/display-path.js');
  const { formatDrift } = await import('./write.js');
  const drifted = result.check && result.drift.length > 0;
  if (mode.json) {
    const summary = {
      ok: !drifted,
      spec: displayPath(result.specPath),
      ...(result.configPath !== undefined && { config: displayPath(result.configPath) }),
      output: displayPath(result.outDir),
      check: result.check,
      written: result.written,
      files: result.files,
      operations: result.operations,
      resources: result.resources,
      names: result.names,
      durations: result.durations,
      drift: result.drift,
      ...(result.release && { release: result.release }),
    };
    io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  }
  const output = displayPath(result.outDir);
  if (drifted) {
    if (!mode.json) {
      io.stderr.write(
        `${output} is out of date: ${plural(result.drift.length, 'file')} differ${result.drift.length === 1 ? 's' : ''} from what the spec generates\n` +
          formatDrift(result.drift, result.outDir)
            .map((line) => `  ${line}`)
            .join('\n') +
          '\n  fix: run `sdkgen generate` without --check and commit the result\n',
      );
    }
    return EXIT_DRIFT;
  }
  if (!mode.json && !mode.quiet) {
    const files = plural(result.files, 'file');
    const what = result.check
      ? `${output} is up to date (${files})`
      : result.written
        ? `wrote ${files} to ${output}`
        : `${output} is already up to date (${files})`;
    const counts = `${plural(result.operations, 'operation')}, ${plural(result.resources, 'resource')}`;
    io.stdout.write(`${what}: ${counts}, ${result.durations.total} ms\n`);
    if (result.release) io.stdout.write((await import('./cli/release-report.js')).releaseReport(result.release));
  }
  return EXIT_OK;
}

/** parseArgs errors -> one message with a hint, not Node's wording about positionals. */
function usageErrorFrom(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1];
  const names = Object.entries(GENERATE_OPTIONS).flatMap(([name, spec]) => [
    '--' + name,
    ...('short' in spec ? ['-' + spec.short] : []),
  ]);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return new UsageError(`unknown option ${option}`, {
      hint: closeTo(option, names) ?? 'run `sdkgen generate --help` for the options',
    });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return new UsageError(`option ${/--[a-z-]+/.exec(option)?.[0] ?? option} needs a value`, {
      hint: 'e.g. sdkgen generate openapi.yaml -o ./sdk -c sdkgen.config.yaml',
    });
  }
  return new UsageError(message, { hint: 'run `sdkgen generate --help` for the usage' });
}

function closeTo(word: string, candidates: readonly string[]): string | undefined {
  const bare = word.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  const match = candidates.find((candidate) => {
    const other = candidate.replace(/^-+/, '').toLowerCase();
    return other.length > 1 && (other.startsWith(bare) || bare.startsWith(other) || withinEditDistance(bare, other, 1));
  });
  return match ? `did you mean ${match}?` : undefined;
}

/**
 * process.exit() drops whatever a pipe has not taken yet (`generate --json | jq` got the first
 * 64 KiB of GitHub's summary): exit once stdout and stderr have flushed what was written.
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const flushed = (): void => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

// Run only as the entry point (bin/sdkgen.js or `node --import tsx generator/cli.ts`), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/[\\/](cli\.(ts|js)|sdkgen(\.js)?)$/.test(entry)) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => exitWhenFlushed(code),
    (error: unknown) => {
      process.stderr.write(formatInternalError(error));
      exitWhenFlushed(EXIT_INTERNAL);
    },
  );
}
