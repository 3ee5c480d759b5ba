/**
 * Names stability over real releases: generates the model (names only, no emit) of every
 * consecutive pair of @octokit/openapi versions and counts, for operations present in both
 * (same operationId), how many changed their `resource.method` or their params type name.
 * An operation whose operationId changed is a different operation and is not counted.
 *
 *   nice -n 10 node --import tsx scripts/names/stability.ts [--from 22.0.0] [--to 23.0.2] [--json]
 */
import { modelNames, type NamedOperation } from './dump-model-names.js';
import { OCTOKIT_VERSIONS, octokitSpecPath } from '../lib/octokit-versions.js';

export interface PairResult {
  readonly from: string;
  readonly to: string;
  readonly common: number;
  readonly added: number;
  readonly removed: number;
  /** operationId -> [before, after] for renamed methods. */
  readonly renamedMethods: readonly [string, string, string][];
  readonly renamedParamsTypes: readonly [string, string, string][];
}

const methodOf = (op: NamedOperation) => `${op.resource ?? '<root>'}.${op.methodName}`;

type Named = Awaited<ReturnType<typeof modelNames>>;

export async function comparePair(from: string, to: string): Promise<PairResult> {
  return compareModels(
    from,
    await modelNames(octokitSpecPath(from), from),
    to,
    await modelNames(octokitSpecPath(to), to),
  );
}

export function compareModels(from: string, before: Named, to: string, after: Named): PairResult {
  const byId = (ops: readonly NamedOperation[]) =>
    new Map(ops.filter((o) => o.operationId !== undefined).map((o) => [o.operationId!, o]));
  const old = byId(before.operations);
  const now = byId(after.operations);
  const renamedMethods: [string, string, string][] = [];
  const renamedParamsTypes: [string, string, string][] = [];
  let common = 0;
  for (const [id, op] of old) {
    const next = now.get(id);
    if (next === undefined) continue;
    common++;
    if (methodOf(op) !== methodOf(next)) renamedMethods.push([id, methodOf(op), methodOf(next)]);
    if (op.paramsTypeName !== next.paramsTypeName)
      renamedParamsTypes.push([id, op.paramsTypeName, next.paramsTypeName]);
  }
  return { from, to, common, added: now.size - common, removed: old.size - common, renamedMethods, renamedParamsTypes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const all: readonly string[] = OCTOKIT_VERSIONS;
  const versions = all.slice(
    all.indexOf(option('--from') ?? OCTOKIT_VERSIONS[0]!),
    all.indexOf(option('--to') ?? OCTOKIT_VERSIONS.at(-1)!) + 1,
  );
  const results: PairResult[] = [];
  let previous: { version: string; named: Named } | undefined;
  for (const version of versions) {
    let named: Named;
    try {
      named = await modelNames(octokitSpecPath(version), version);
    } catch (error) {
      // 2.2.1 has a remote `$ref` inside an example, which sdkgen refuses by default: not comparable.
      process.stdout.write(`${version}: not generated (${(error as Error).message.slice(0, 120)})\n`);
      continue;
    }
    const last = previous;
    previous = { version, named };
    if (last === undefined) continue;
    const result = compareModels(last.version, last.named, version, named);
    results.push(result);
    if (!args.includes('--json')) {
      process.stdout.write(
        `${result.from} -> ${result.to}: ${result.common} operations in both (+${result.added} -${result.removed}), ${result.renamedMethods.length} methods renamed, ${result.renamedParamsTypes.length} params types renamed\n`,
      );
      for (const [id, a, b] of result.renamedMethods) process.stdout.write(`    ${id}: ${a} -> ${b}\n`);
      for (const [id, a, b] of result.renamedParamsTypes.slice(0, 10))
        process.stdout.write(`    type ${id}: ${a} -> ${b}\n`);
    }
  }
  const total = (f: (r: PairResult) => number) => results.reduce((n, r) => n + f(r), 0);
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
  else
    process.stdout.write(
      `total over ${results.length} pairs: ${total((r) => r.renamedMethods.length)} methods renamed, ${total((r) => r.renamedParamsTypes.length)} params types renamed, of ${total((r) => r.common)} operation pairs\n`,
    );
}
