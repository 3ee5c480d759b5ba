/**
 * Writes the fuzz document of one seed, to look at a failing seed of fuzz.test.ts by hand:
 *
 *   node --import tsx test/corpus/write-hostile.ts <seed> [out.json]
 */
import { writeFileSync } from 'node:fs';
import { hostileSpec } from './hostile-spec.js';

const seed = Number(process.argv[2] ?? 1);
const out = process.argv[3] ?? `hostile-${seed}.json`;
writeFileSync(out, `${JSON.stringify(hostileSpec({ seed }), null, 2)}\n`);
process.stdout.write(`${out}\n`);
