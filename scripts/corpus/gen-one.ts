import { generate } from '../../generator/generate.js';
import { typecheckPackage } from './typecheck.js';
import { resolve } from 'node:path';
const [specArg, outArg, tc] = process.argv.slice(2);
const spec = resolve(specArg!), out = resolve(outArg!);
const t = performance.now();
const r = await generate({ spec: spec!, output: out!, check: false, allowRemoteRefs: false, cwd: out! });
console.log(JSON.stringify(r.durations), r.operations, Math.round(performance.now()-t), 'ms', Math.round(process.resourceUsage().maxRSS/1024),'MB');
if (tc) { const t2=performance.now(); const c = typecheckPackage(out!); console.log('tc', Math.round(performance.now()-t2), c.errors, c.diagnostics.slice(0,5)); }
