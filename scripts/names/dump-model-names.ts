/**
 * Model-only pass (no emit, no tsc) over documents: one JSON line per operation with its final
 * names, for the names measurements (scripts/names/corpus-stats.ts) and for reviewing rules.
 *
 *   nice -n 10 node --import tsx scripts/names/dump-model-names.ts out.jsonl [spec ...]
 *   (no specs: the whole corpus of scripts/corpus/documents.ts)
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, resolveConfig } from '../../generator/config.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel, envPrefixFor } from '../../generator/model/index.js';
import { assignNames } from '../../generator/model/naming.js';
import { readOperations } from '../../generator/model/operation.js';
import { RefResolver } from '../../generator/model/refs.js';
import { readSecuritySchemes } from '../../generator/model/security.js';
import { listCorpus } from '../corpus/documents.js';

export interface NamedOperation {
  readonly doc: string;
  readonly operationId?: string;
  readonly method: string;
  readonly path: string;
  readonly tag?: string;
  readonly resource?: string;
  readonly methodName: string;
  readonly paramsTypeName: string;
  /** Which naming rule gave the method name (method-names.ts labels). */
  readonly rule?: string;
}

/** The rule behind each method name, by operation pointer (assignNames again, as buildModel runs it). */
function methodNameRules(
  spec: Awaited<ReturnType<typeof loadSpec>>,
  config: ReturnType<typeof resolveConfig>,
  clientName: string,
): ReadonlyMap<string, string> {
  const refs = new RefResolver(spec);
  const ops = readOperations(spec, refs, config, readSecuritySchemes(spec, refs, envPrefixFor(clientName)));
  return assignNames(ops, [], clientName).methodNameRules;
}

/** Every operation's names in one document (config defaults only, as `sdkgen generate spec` would). */
export async function modelNames(
  specPath: string,
  docId: string,
): Promise<{ clientName: string; packageName: string; envNames: string[]; operations: NamedOperation[] }> {
  const settings = await loadConfig(undefined, { spec: specPath, output: '/nonexistent', cwd: process.cwd() });
  const spec = await loadSpec(settings.spec, { allowRemoteRefs: false });
  const config = resolveConfig(settings, spec);
  const model = buildModel(spec, config);
  const rules = methodNameRules(spec, config, model.clientName);
  const tagOf = new Map(model.resources.map((r) => [r.propertyName, r.tag]));
  return {
    clientName: model.clientName,
    packageName: model.packageName,
    envNames: [...model.securitySchemes.values()].map((s) => ('env' in s ? (s.env ?? '') : '')),
    operations: model.operations.map((op) => ({
      doc: docId,
      ...(op.hasOperationId ? { operationId: op.id } : {}),
      method: op.method,
      path: op.path,
      ...(op.resource !== undefined ? { resource: op.resource, tag: tagOf.get(op.resource) } : {}),
      methodName: op.methodName,
      paramsTypeName: op.paramsTypeName,
      ...(rules.has(op.pointer) ? { rule: rules.get(op.pointer)! } : {}),
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outFile, ...specs] = process.argv.slice(2);
  if (outFile === undefined) throw new Error('usage: dump-model-names.ts out.jsonl [spec ...]');
  const docs = specs.length > 0 ? specs.map((s) => ({ id: s, path: resolve(s) })) : listCorpus();
  const out = createWriteStream(outFile);
  let failed = 0;
  for (const [index, doc] of docs.entries()) {
    try {
      const named = await modelNames(doc.path, doc.id);
      out.write(
        `${JSON.stringify({ doc: doc.id, clientName: named.clientName, packageName: named.packageName, envNames: named.envNames })}\n`,
      );
      for (const op of named.operations) out.write(`${JSON.stringify(op)}\n`);
    } catch (error) {
      failed++;
      out.write(`${JSON.stringify({ doc: doc.id, error: String((error as Error).message).slice(0, 200) })}\n`);
    }
    if (index % 200 === 0) process.stderr.write(`${index}/${docs.length}\n`);
  }
  out.end();
  process.stderr.write(`done: ${docs.length} documents, ${failed} refused\n`);
}
