/**
 * npm run soak -- --minutes N [--seconds S] [--concurrency 64] [--abort-rate 0.1] [--seed N] [--json]
 *
 * Runs the chaos soak (scripts/soak/soak.ts) against a loopback chaos server and prints its
 * figures. Exit 0 when every invariant held, 1 when one broke, 2 on bad arguments.
 * CI runs `npm run soak -- --minutes 1`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SOAK, SETTLE_SLACK_MS, runSoak, type SoakReport } from './soak/soak.js';

function fail(message: string): never {
  console.error(
    `error: ${message}\n  usage: npm run soak -- --minutes N [--seconds S] [--concurrency 64] [--abort-rate 0.1] [--seed N] [--json]`,
  );
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      seconds: { type: 'string' },
      concurrency: { type: 'string' },
      'abort-rate': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}

function numberArg(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    fail(`--${name} must be a number in [${min}, ${max}]; got ${raw}`);
  return value;
}

const minutes = numberArg('minutes', values.minutes, 0.05, 120);
const seconds = numberArg('seconds', values.seconds, 1, 7_200);
const durationMs = seconds !== undefined ? seconds * 1000 : (minutes ?? 1) * 60_000;
const concurrency = numberArg('concurrency', values.concurrency, 1, 1024) ?? DEFAULT_SOAK.concurrency;
const abortRate = numberArg('abort-rate', values['abort-rate'], 0, 1) ?? DEFAULT_SOAK.abortRate;
const seed = numberArg('seed', values.seed, 0, 2 ** 31);

const say = (line: string): void => {
  if (!values.json) console.log(line);
};
say(
  `soak: ${(durationMs / 1000).toFixed(0)} s, concurrency ${concurrency}, abort rate ${abortRate}, timeouts ${JSON.stringify(DEFAULT_SOAK.timeout)}`,
);

const report: SoakReport = await runSoak({
  ...DEFAULT_SOAK,
  durationMs,
  concurrency,
  abortRate,
  ...(seed === undefined ? {} : { seed }),
  log: say,
});

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const ok = (pass: boolean): string => (pass ? 'ok  ' : 'FAIL');
  const leaked = Object.keys(report.handles.leaked).length === 0;
  console.log(`
calls                 ${report.calls} in ${report.durationS} s = ${report.callsPerSecond} calls/s (server hits ${report.serverHits})
outcomes              ${Object.entries(report.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}
${ok(report.settle.lateCalls === 0)}  settle time        max ${report.settle.maxMs} ms, p99 ${report.settle.p99Ms} ms; late (> total ${DEFAULT_SOAK.timeout.total} + ${SETTLE_SLACK_MS} ms): ${report.settle.lateCalls} (during event-loop stalls: ${report.settle.lateDuringStalls})
${ok(report.unhandledRejections === 0 && report.uncaughtExceptions === 0)}  unhandled          rejections ${report.unhandledRejections}, exceptions ${report.uncaughtExceptions}
${ok(report.duplicatedNonIdempotentEffects === 0)}  double execution   plain POSTs executed twice: ${report.duplicatedNonIdempotentEffects} (idempotent POST keys replayed by retries: ${report.replayedIdempotentKeys})
${ok(leaked)}  handles            baseline ${JSON.stringify(report.handles.baseline)} after ${JSON.stringify(report.handles.after)}
${ok(!report.violations.some((v) => v.startsWith('RSS')))}  RSS                warm ${report.rss.warmMb} MB -> end ${report.rss.endMb} MB (max ${report.rss.maxMb}, growth ${report.rss.growthMb} MB)
      event loop delay   p99 ${report.eventLoopDelay.p99Ms} ms, max ${report.eventLoopDelay.maxMs} ms; aborted by caller ${report.aborted}
`);
  console.log(
    report.violations.length === 0
      ? 'soak: all invariants held'
      : `soak: FAILED\n  - ${report.violations.join('\n  - ')}`,
  );
}
process.exitCode = report.violations.length === 0 ? 0 : 1;
