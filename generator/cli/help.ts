/**
 * Help and version texts. The exit codes listed here are a contract (scripts and CI rely on them).
 */
import { SDKGEN_VERSION } from '../package-root.js';

export const MAIN_HELP = `sdkgen - generate a typed TypeScript SDK package from an OpenAPI document

Usage:
  sdkgen generate [spec] [options]   generate (or --check) an SDK package
  sdkgen diff <old> <new> [options]  the change to the SDK surface between two specs, weighed
                                     major / minor / patch (--json, --fail-on major)
  sdkgen --help                      show this help
  sdkgen --version                   print the version

Run \`sdkgen generate --help\` for the options.
`;

export const GENERATE_HELP = `Usage: sdkgen generate [spec] [options]

Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON, one file or several joined by
relative $refs) and writes a TypeScript SDK package. Settings come from ./sdkgen.config.yaml
when it exists; a spec or output given here wins over the config's.

Options:
  -o, --output <dir>      output folder (default: the config's output, else ./sdk)
  -c, --config <file>     config file (default: ./sdkgen.config.yaml when present)
      --check             write nothing; exit 1 and list the files that differ (for CI)
      --json              print one JSON summary object on stdout (files, operations,
                          resources, names: operationId -> resource.method, durations, drift)
      --changelog         compare the SDK surface with the one recorded in the output folder;
                          add a CHANGELOG.md section (Breaking/Added/Changed/Fixed) and print
                          the suggested next version
      --bump              with --changelog: write that version into package.json
      --allow-remote-refs fetch http(s) $refs (off by default: output depends only on files)
      --ref-root <dir>    folder local $refs may read (default: the spec's folder); a $ref
                          reaching outside it is refused
  -q, --quiet             print nothing on success
  -h, --help              show this help

Exit codes:
  0  success (with --check: the output is up to date)
  1  --check found files that differ from what would be generated
  2  bad input: the spec, config or command line must be fixed (the message says where)
  3  internal error in sdkgen (please report it; SDKGEN_DEBUG=1 shows the stack trace)

Examples:
  sdkgen generate openapi.yaml -o ./sdk
  sdkgen generate --check            # in CI, with sdkgen.config.yaml in the repository
`;

/** The version of the sdkgen package, from its package.json. */
export function sdkgenVersion(): string {
  return SDKGEN_VERSION;
}
