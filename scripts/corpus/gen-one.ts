/**
 * One document, in this process: generate (the real pipeline) and, with a third argument,
 * type-check; prints phase timings, peak RSS and the first diagnostics. For looking into one
 * corpus document without the pool:
 *
 *   node --import tsx scripts/corpus/gen-one.ts <spec> <outDir> [typecheck]
 */
import { resolve } from 'node:path';
import { generate } from '../../generator/generate.js';
import { typecheckPackage } from './typecheck.js';

const [specArg, outArg, typecheck] = process.argv.slice(2);
if (specArg === undefined || outArg === undefined) {
  process.stderr.write('usage: gen-one.ts <spec> <outDir> [typecheck]\n');
  process.exit(2);
}
const spec = resolve(specArg);
const out = resolve(outArg);
const started = performance.now();
const result = await generate({ spec, output: out, check: false, allowRemoteRefs: false, cwd: out });
const generateMs = Math.round(performance.now() - started);
const generatePeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  `${JSON.stringify({ operations: result.operations, files: result.files, durations: result.durations, generateMs, generatePeakMb })}\n`,
);
if (typecheck) {
  const tcStart = performance.now();
  const checked = typecheckPackage(out, 30);
  process.stdout.write(
    `${JSON.stringify({ typecheckMs: Math.round(performance.now() - tcStart), errors: checked.errors, codes: checked.codes, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
  for (const d of checked.diagnostics) process.stdout.write(`${d}\n`);
}
