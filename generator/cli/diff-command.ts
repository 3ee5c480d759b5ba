/**
 * `sdkgen diff <old-spec> <new-spec> [--json] [--fail-on major|minor] [-c config]`: the change to
 * the SDK surface between two specs. Exit 1 when `--fail-on` is given and a change of that weight
 * (or heavier) is found, so CI can gate a release on it.
 */
import { parseArgs } from 'node:util';
import { EXIT_DRIFT, EXIT_OK } from '../types.js';
import { UsageError } from './errors.js';

export const DIFF_OPTIONS = {
  config: { type: 'string', short: 'c' },
  json: { type: 'boolean' },
  'fail-on': { type: 'string' },
  'allow-remote-refs': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DIFF_HELP = `Usage: sdkgen diff <old-spec> <new-spec> [options]

Compares the SDK that each spec generates, as its users compile against it: methods added,
removed or renamed; parameters and fields added, removed, made required or optional, retyped;
enum values; auth schemes and servers. Each change is weighed major / minor / patch with a reason.

Options:
  -c, --config <file>     config applied to both specs (names; default ./sdkgen.config.yaml)
      --json              print { verdict, counts, changes } as JSON
      --fail-on <weight>  exit 1 when a change is at least this heavy: major or minor
      --allow-remote-refs fetch http(s) $refs
  -h, --help              show this help

Exit codes: 0 done (and nothing at --fail-on), 1 a change at --fail-on or heavier, 2 bad input.
`;

/** What failing means for each --fail-on value. */
const FAIL_ON: Readonly<Record<string, readonly string[]>> = { major: ['major'], minor: ['major', 'minor'] };

interface DiffIo {
  readonly stdout: NodeJS.WritableStream;
}

export async function runDiff(args: readonly string[], io: DiffIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: DIFF_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(DIFF_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 2) {
    throw new UsageError(`expected two specs, got ${positionals.length}`, {
      hint: 'sdkgen diff old/openapi.yaml new/openapi.yaml',
    });
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && !Object.hasOwn(FAIL_ON, failOn)) {
    throw new UsageError(`--fail-on must be major or minor, got "${failOn}"`, {
      hint: 'e.g. sdkgen diff old.yaml new.yaml --fail-on major',
    });
  }
  const { diffSpecs } = await import('../diff/index.js');
  const { countByKind, formatChanges } = await import('../diff/format.js');
  const result = await diffSpecs(positionals[0]!, positionals[1]!, {
    ...(values.config !== undefined ? { config: values.config } : {}),
    allowRemoteRefs: values['allow-remote-refs'] === true,
  });
  if (values.json) {
    io.stdout.write(
      JSON.stringify(
        { verdict: result.verdict, counts: countByKind(result.changes), changes: result.changes },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout.write(formatChanges(result.changes, result.verdict));
  }
  return failOn !== undefined && FAIL_ON[failOn]!.includes(result.verdict) ? EXIT_DRIFT : EXIT_OK;
}
