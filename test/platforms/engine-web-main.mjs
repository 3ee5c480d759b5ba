// Runs web-limits.mjs against the platform-neutral entry in an engine of its own (so the Node
// entry was never loaded there) and prints one JSON line (SCENARIO-RESULTS, like engine-main.mjs).
// Arguments: <dist/index.js URL> <dist/functions.js URL> <base URL> <token>
import { runWebLimits } from './web-limits.mjs';

const [sdkUrl, functionsUrl, baseUrl, token] = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
const results = await runWebLimits(await import(sdkUrl), await import(functionsUrl), { baseUrl, token });
console.log(`SCENARIO-RESULTS ${JSON.stringify(results)}`);
