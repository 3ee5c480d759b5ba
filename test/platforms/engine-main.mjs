// Entry point for engines that import the built package directly (Deno, Bun): runs the scenario
// list and prints one JSON line with the results. Arguments: <sdk dist/index.js URL> <base URL>
// <token> [fetch]  ("fetch": pass the platform's fetch as the `fetch` option).
import { runScenarios } from './scenarios.mjs';

const [sdkUrl, baseUrl, token, transport] = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
const sdk = await import(sdkUrl);
const clientOptions = transport === 'fetch' ? { fetch: globalThis.fetch } : {};
const results = await runScenarios(sdk, { baseUrl, token, clientOptions });
console.log(`SCENARIO-RESULTS ${JSON.stringify(results)}`);
