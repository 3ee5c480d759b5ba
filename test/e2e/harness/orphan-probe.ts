/**
 * Used by harness.json-server.test.ts to prove that servers do not outlive a test process that
 * is killed outright (SIGKILL: no after() hook, no exit handler runs). Starts json-server through
 * the harness, prints `PROBE_READY <pgid> <baseUrl>`, then waits to be killed (at most 60 s).
 */
import { start } from './json-server.js';

const server = await start({ rows: 10 });
console.log(`PROBE_READY ${server.pgid} ${server.baseUrl}`);
setTimeout(() => void server.stop().then(() => process.exit(1)), 60_000);
