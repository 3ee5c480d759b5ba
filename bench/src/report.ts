/**
 * Turns bench/.work/results/*.json into results.md (a table per section, machine and versions at
 * the top, the targets checked) and one SVG bar chart per section. Node builtins only.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RAW_BEARER,
  SDKGEN_BEARER,
  type BundleRow,
  type GenRow,
  type PaginationRow,
  type RuntimeRow,
  type SectionResult,
  type TscRow,
} from './types.js';

export interface RunMeta {
  readonly mode: 'full' | 'quick';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationS: number;
  readonly node: string;
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly loadStart: number[];
  readonly loadEnd: number[];
  /** Share of the machine busy with other work just before the run (absent in older runs). */
  readonly busyBefore?: number;
  readonly commit: string;
  readonly versions: Record<string, string>;
  readonly sections: Record<string, { ok: boolean; seconds: number; error?: string }>;
  readonly command: string;
}

// ---------------------------------------------------------------- formatting

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fix = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const kb = (bytes: number): string =>
  Number.isFinite(bytes) ? `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB` : 'n/a';
const mb = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : 'n/a');
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** A ratio with enough decimals that it never reads as the threshold it just missed. */
const ratio = (r: number, threshold: number): string => fix(r, Math.abs(r - threshold) < 0.01 ? 3 : 2);
const verdict = (ok: boolean | undefined): string =>
  ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**';

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = head.map((_, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

// ---------------------------------------------------------------- SVG

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly highlight?: boolean;
  readonly group?: number;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = ['#4e79a7', '#f28e2b'];
const HIGHLIGHT = ['#1b4f8a', '#c0570b'];

/** A plain horizontal bar chart; deterministic output for the same input. */
export function barChart(
  title: string,
  subtitle: string,
  bars: readonly Bar[],
  marker?: { value: number; label: string },
): string {
  const width = 900;
  const labelW = 300;
  const barW = 360;
  const rowH = 24;
  const top = 58;
  const height = top + bars.length * rowH + 34;
  const max = Math.max(1e-9, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)), marker?.value ?? 0);
  const x = (v: number): number => labelW + (Math.max(0, v) / max) * barW;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="16" font-weight="bold" fill="#222">${esc(title)}</text>`,
    `<text x="12" y="42" fill="#666">${esc(subtitle)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const group = b.group ?? 0;
    const fill = b.highlight ? HIGHLIGHT[group % 2] : COLORS[group % 2];
    const w = Number.isFinite(b.value) ? Math.max(1, x(b.value) - labelW) : 0;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" fill="#222"${b.highlight ? ' font-weight="bold"' : ''}>${esc(b.label)}</text>`,
      `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${fill}"/>`,
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}" fill="#222">${esc(b.text)}</text>`,
    );
  });
  if (marker) {
    const mx = x(marker.value).toFixed(1);
    const y2 = top + bars.length * rowH;
    parts.push(
      `<line x1="${mx}" y1="${top}" x2="${mx}" y2="${y2}" stroke="#c00" stroke-dasharray="4 3"/>`,
      `<text x="${mx}" y="${y2 + 16}" text-anchor="middle" fill="#c00">${esc(marker.label)}</text>`,
    );
  }
  parts.push('</svg>', '');
  return parts.join('\n');
}

// ---------------------------------------------------------------- report

function read<Row>(dir: string, section: string): SectionResult<Row> | undefined {
  const file = join(dir, `${section}.json`);
  if (!existsSync(file)) return undefined;
  return {
    ...(JSON.parse(readFileSync(file, 'utf8')) as SectionResult<Row>),
    writtenAt: statSync(file)
      .mtime.toISOString()
      .replace(/\.\d+Z$/, 'Z'),
  };
}

/** More than this share of the machine busy with other work at the start marks the figures as not quotable. */
const LOADED_BUSY_SHARE = 0.25;

/** The line saying a section's figures come from an earlier run (sections not selected keep their last results). */
function staleNote(meta: RunMeta, section: string, writtenAt: unknown): string[] {
  return meta.sections[section]
    ? []
    : [`_Not re-run this time: figures from an earlier ${meta.mode} run (${String(writtenAt)})._`, ''];
}

export function writeReport(resultsDir: string, outDir: string, meta: RunMeta): string {
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  const gen = read<GenRow>(resultsDir, 'gen');
  const tsc = read<TscRow>(resultsDir, 'tsc');
  const rt = read<RuntimeRow>(resultsDir, 'runtime');
  const pag = read<PaginationRow>(resultsDir, 'pagination');
  const bun = read<BundleRow>(resultsDir, 'bundle');
  // Other work at the start decides: the load average at the end is mostly the benchmark's own.
  const loaded =
    meta.busyBefore !== undefined ? meta.busyBefore > LOADED_BUSY_SHARE : meta.loadStart[0]! > meta.cores * 0.5;
  const out: string[] = [];
  const charts: [string, string][] = [];
  const flag =
    meta.mode === 'quick' || loaded
      ? ` · ${meta.mode === 'quick' ? 'QUICK RUN' : 'FULL RUN'}${loaded ? ' on a loaded machine' : ''}: not real figures`
      : '';

  out.push('# sdkgen benchmarks, side by side with the peers', '');
  out.push(
    'Generated by `npm run bench` (bench/run.ts); do not edit by hand. `npm run bench` is the full run (5 generation rounds, 20,000 requests × 3 rounds per client and concurrency, 1,000 pages; tens of minutes, on a quiet machine) and writes this file and charts/; `npm run bench -- --quick` (tiny counts, one round; what CI runs) writes to bench/.work/quick/ unless given `--out`. `--only gen,tsc,runtime,pagination,bundle` runs some sections. How each section measures: the header comment of bench/src/<section>.ts.',
    '',
  );
  if (meta.mode === 'quick' || loaded) {
    out.push(
      `> **These are not the real figures.** This file comes from ${meta.mode === 'quick' ? 'a `--quick` run (tiny counts, one round, no core pinning)' : 'a full run'}` +
        `${loaded ? ` on a loaded machine (${meta.busyBefore !== undefined ? `${(meta.busyBefore * 100).toFixed(0)}% of the ${meta.cores} cores busy with other work at the start` : `load average ${meta.loadStart.map((l) => l.toFixed(1)).join(' / ')} at the start on ${meta.cores} cores`})` : ''}. ` +
        'Use it to see that every benchmark runs and for rough ratios only; run `npm run bench` on a quiet machine for figures to quote.',
      '',
    );
  }
  out.push('## Machine and versions', '');
  out.push(
    table(
      ['', ''],
      [
        ['mode', meta.mode === 'quick' ? 'quick (`--quick`)' : 'full'],
        ['started / finished (UTC)', `${meta.startedAt} / ${meta.finishedAt} (${int(meta.durationS)} s)`],
        ['node', meta.node],
        ['OS', meta.os],
        ['CPU', `${meta.cpu} × ${meta.cores}`],
        ['memory', `${meta.memoryGb} GiB`],
        ...(meta.busyBefore !== undefined
          ? [
              [
                'other work at the start (share of all cores, 5 s sample)',
                `${(meta.busyBefore * 100).toFixed(1)}%`,
              ] as [string, string],
            ]
          : []),
        [
          'load average (1/5/15 min) start → end (the end includes the benchmark itself)',
          `${meta.loadStart.map((l) => l.toFixed(2)).join(' / ')} → ${meta.loadEnd.map((l) => l.toFixed(2)).join(' / ')}`,
        ],
        ['sdkgen commit', meta.commit],
        ['command', `\`${meta.command}\``],
      ],
      ['l', 'l'],
    ),
    '',
  );
  out.push(
    table(
      ['package', 'version'],
      Object.entries(meta.versions).map(([k, v]) => [k, v]),
      ['l', 'l'],
    ),
    '',
  );
  const failedSections = Object.entries(meta.sections).filter(([, s]) => !s.ok);
  if (failedSections.length) {
    out.push('Sections that failed in this run (their tables below may be from an earlier run or missing):', '');
    for (const [name, s] of failedSections) out.push(`- ${name}: ${s.error ?? 'failed'}`);
    out.push('');
  }

  // ---------------- targets
  const targets: string[][] = [];
  const sdkGen = gen?.rows.find((r) => r.tool === 'sdkgen' && r.ok);
  const peersFull = (gen?.rows ?? [])
    .filter((r) => r.tool !== 'sdkgen' && r.fullClient && r.ok)
    .sort((a, b) => a.wallMs - b.wallMs);
  const fastest = peersFull[0];
  if (sdkGen && fastest) {
    const speedup = fastest.wallMs / sdkGen.wallMs;
    targets.push([
      'generation ≥ 2× faster than the fastest full-client peer',
      `${ratio(speedup, 2)}× (sdkgen ${fix(sdkGen.wallMs / 1000, 1)} s vs ${fastest.label} ${fix(fastest.wallMs / 1000, 1)} s)`,
      verdict(speedup >= 2),
    ]);
    targets.push([
      'generation peak RSS lower than that peer',
      `sdkgen ${int(sdkGen.peakRssMb)} MiB vs ${fastest.label} ${int(fastest.peakRssMb)} MiB (lowest of all full-client peers: ${int(Math.min(...peersFull.map((p) => p.peakRssMb)))} MiB)`,
      verdict(sdkGen.peakRssMb < fastest.peakRssMb),
    ]);
  } else targets.push(['generation ≥ 2× faster, peak RSS lower', 'not measured', verdict(undefined)]);
  const sdkTsc = tsc?.rows.find((r) => r.id === 'sdkgen' && r.ok);
  const otTypes = tsc?.rows.find((r) => r.id === 'openapi-typescript' && r.ok);
  const otFetch = tsc?.rows.find((r) => r.id === 'openapi-fetch' && r.ok);
  // The SDK's own strict build checks every source; the consumer checks its use of the declarations.
  const sdkBuild = tsc?.rows.find((r) => r.id === 'sdkgen-build' && r.ok);
  const strictErrors = sdkTsc ? sdkTsc.errors + (sdkBuild?.errors ?? 0) : undefined;
  targets.push([
    'zero strict errors',
    strictErrors === undefined ? 'not measured' : `${strictErrors} errors${sdkBuild ? ' (SDK build + consumer)' : ''}`,
    verdict(strictErrors === undefined ? undefined : strictErrors === 0),
  ]);
  if (sdkTsc && otFetch) {
    targets.push([
      'instantiations ≤ openapi-typescript output + 50% (read as: its output making the same two calls through openapi-fetch)',
      `${int(sdkTsc.instantiations)} vs ${int(otFetch.instantiations)} (${fix(sdkTsc.instantiations / otFetch.instantiations, 2)}×; limit 1.5×)`,
      verdict(sdkTsc.instantiations <= otFetch.instantiations * 1.5),
    ]);
  }
  if (sdkTsc && otTypes) {
    targets.push([
      'same, strict reading: vs its types alone (consumer only names two response types, calls nothing)',
      `${int(sdkTsc.instantiations)} vs ${int(otTypes.instantiations)} (${fix(sdkTsc.instantiations / Math.max(1, otTypes.instantiations), 0)}×)`,
      verdict(sdkTsc.instantiations <= otTypes.instantiations * 1.5),
    ]);
  }
  for (const c of [1, 32]) {
    const rows = (rt?.rows ?? []).filter((r) => r.concurrency === c);
    const ours = rows.find((r) => r.client === 'sdkgen (typed call)');
    const oursBearer = rows.find((r) => r.client === SDKGEN_BEARER);
    const fetchBased = rows.filter((r) => /fetch/.test(r.client));
    if (!ours) continue;
    targets.push([
      `runtime c=${c}: ≥ 0.9 of raw undici.request`,
      `${ratio(ours.ratioToRaw, 0.9)}`,
      verdict(ours.ratioToRaw >= 0.9),
    ]);
    if (oursBearer) {
      targets.push([
        `runtime c=${c}, bearer token and default logging: ≥ 0.95 of raw undici.request sending the same header (issue 15)`,
        `${ratio(oursBearer.ratioToRaw, 0.95)} (${fix(oursBearer.cpuUsPerCall, 0)} us CPU/call vs ${fix(rows.find((r) => r.client === RAW_BEARER)?.cpuUsPerCall ?? Number.NaN, 0)})`,
        verdict(oursBearer.ratioToRaw >= 0.95),
      ]);
    }
    if (fetchBased.length) {
      const best = fetchBased.reduce((a, b) => (a.rps > b.rps ? a : b));
      const times = ours.rps / best.rps;
      targets.push([
        `runtime c=${c}: ≥ 2.5× any fetch-based client`,
        `${ratio(times, 2.5)}× the fastest (${best.client})`,
        verdict(times >= 2.5),
      ]);
    }
  }
  const pagOurs = pag?.rows.find((r) => r.client === 'sdkgen' && r.ok);
  targets.push([
    `pagination RSS growth < 64 MB (${pag ? `${int(pag.rows[0]?.items ?? 0)} items` : ''})`,
    pagOurs ? `${fix(pagOurs.rssGrowthMb, 1)} MiB` : 'not measured',
    verdict(pagOurs ? pagOurs.rssGrowthMb < 64 : undefined),
  ]);
  out.push('## Targets', '');
  out.push(table(['target', 'measured', 'verdict'], targets, ['l', 'l', 'l']), '');
  if (meta.mode === 'quick')
    out.push('_Verdicts above come from the quick run and mean little; the full run decides._', '');

  // ---------------- 1. generation
  out.push('## 1. Generation (GitHub api.github.com, 1,223 operations)', '');
  if (gen) {
    out.push(...staleNote(meta, 'gen', gen.writtenAt));
    out.push(
      `Each tool run as its CLI in a fresh process, ${gen.runs} round(s), the order rotating between rounds; median wall time (process start to exit) and peak RSS (the largest node process of the run, from \`process.resourceUsage().maxRSS\`). sdkgen runs as its CLI bundled to plain JS (like the published package), not through tsx.`,
      '',
    );
    out.push(
      table(
        ['tool', 'wall time', 'peak RSS', 'output', 'files', 'rounds', 'note'],
        gen.rows.map((r) => [
          r.label,
          r.ok ? `${fix(r.wallMs / 1000, 2)} s` : 'failed',
          r.ok ? `${int(r.peakRssMb)} MiB` : '',
          r.ok ? mb(r.outputBytes) : '',
          r.ok ? int(r.outputFiles) : '',
          String(r.runs),
          r.ok ? (r.fullClient ? '' : 'types only') : (r.error ?? ''),
        ]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
    const phases = gen.rows.find((r) => r.tool === 'sdkgen')?.phasesMs;
    if (phases) {
      out.push(
        `sdkgen's own phase timings in that round (\`--json\`): ${Object.entries(phases)
          .map(([k, v]) => `${k} ${int(v)} ms`)
          .join(', ')}.`,
        '',
      );
    }
    const bars = gen.rows
      .filter((r) => r.ok)
      .map((r) => ({
        label: r.label,
        value: r.wallMs / 1000,
        text: `${fix(r.wallMs / 1000, 1)} s · ${int(r.peakRssMb)} MiB`,
        highlight: r.tool === 'sdkgen',
      }));
    charts.push([
      'gen',
      barChart('Generation: GitHub spec (1,223 operations)', `median wall time, lower is better${flag}`, bars),
    ]);
    out.push('![generation](charts/gen.svg)', '');
  } else out.push('_Not run._', '');

  // ---------------- 2. tsc
  out.push('## 2. Type-check cost (consumer calling repos/get and issues/list-for-repo)', '');
  if (tsc) {
    out.push(...staleNote(meta, 'tsc', tsc.writtenAt));
    out.push(
      `\`tsc --noEmit --extendedDiagnostics\` (TypeScript ${meta.versions.typescript ?? ''}) on one consumer file per output, options: \`${JSON.stringify(tsc.compilerOptions)}\`. Check time is the median of ${String(tsc.runs)} run(s). The peers' outputs are single .ts files a user adds to their project, checked as source; sdkgen's is a package, so it is built once as its publisher would (the "building the SDK" row: \`tsc -p\` its own strict tsconfig over every source, one run) and the consumer imports it by its package name, reading dist/*.d.ts as an installed SDK is read (skipLibCheck applies to every tool's declaration files alike). swagger-typescript-api's output starts with \`// @ts-nocheck\`, so its error count is always 0.`,
      '',
    );
    out.push(
      table(
        ['output', 'errors', 'types', 'instantiations', 'check time', 'total time', 'memory', 'first error'],
        tsc.rows.map((r) =>
          r.ok
            ? [
                r.label,
                int(r.errors),
                int(r.types),
                int(r.instantiations),
                `${fix(r.checkTimeS, 2)} s`,
                `${fix(r.totalTimeS, 2)} s`,
                `${int(r.memoryMb)} MiB`,
                r.firstErrors[0] ?? '',
              ]
            : [r.label, 'failed', '', '', '', '', '', r.error ?? ''],
        ),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
    const bars = tsc.rows
      .filter((r) => r.ok && r.id !== 'sdkgen-build')
      .map((r) => ({
        label: r.label,
        value: r.instantiations,
        text: `${int(r.instantiations)} · ${fix(r.checkTimeS, 1)} s · ${r.errors} err`,
        highlight: r.id === 'sdkgen',
      }));
    charts.push([
      'tsc',
      barChart(
        'Type-check: instantiations per output',
        `tsc --extendedDiagnostics, strict; lower is better${flag}`,
        bars,
      ),
    ]);
    out.push('![type-check](charts/tsc.svg)', '');
  } else out.push('_Not run._', '');

  // ---------------- 3. runtime
  out.push('## 3. Runtime throughput (loopback, small JSON GET)', '');
  if (rt) {
    out.push(...staleNote(meta, 'runtime', rt.writtenAt));
    out.push(
      `${int(Number(rt.requests))} requests per client per round, ${String(rt.rounds)} round(s) (clients rotate), median round; latency percentiles over all timed calls. Server: bench/runtime-throughput.ts's keep-alive node:http server in its own process. ${rt.pinned ? 'Server pinned to core 0, clients to core 1.' : 'Not pinned to cores.'} CPU is the client process's user+system time per call. raw undici.request and undici fetch use undici ${meta.versions.undici ?? ''} from bench/ with an Agent of 50 connections each; the sdkgen client is generated from bench/fixtures/bench-api.yaml and resolves the same undici; openapi-fetch and the hey-api client call Node's global fetch (the undici bundled with Node ${meta.node}).`,
      '',
    );
    out.push(
      table(
        ['client', 'concurrency', 'req/s', 'ratio to raw undici', 'CPU us/call', 'p50', 'p99'],
        rt.rows.map((r) => [
          r.client,
          String(r.concurrency),
          int(r.rps),
          fix(r.ratioToRaw, 2),
          int(r.cpuUsPerCall),
          `${fix(r.p50Ms, 2)} ms`,
          `${fix(r.p99Ms, 2)} ms`,
        ]),
      ),
      '',
    );
    const bars = rt.rows.map((r) => ({
      label: `${r.client} (c=${r.concurrency})`,
      value: r.rps,
      text: `${int(r.rps)} req/s · ${fix(r.ratioToRaw, 2)}×`,
      highlight: r.client.startsWith('sdkgen'),
      group: r.concurrency === 1 ? 0 : 1,
    }));
    charts.push([
      'runtime',
      barChart(
        'Runtime: requests per second on loopback',
        `higher is better; ratio to raw undici.request${flag}`,
        bars,
      ),
    ]);
    out.push('![runtime](charts/runtime.svg)', '');
  } else out.push('_Not run._', '');

  // ---------------- 4. pagination
  out.push('## 4. Link-header pagination', '');
  if (pag) {
    out.push(...staleNote(meta, 'pagination', pag.writtenAt));
    out.push(
      `${int(Number(pag.pages))} pages of ${int(Number(pag.perPage))} items from a loopback server, each page's \`Link\` header pointing at the next. Each client in its own process; RSS growth = highest RSS sampled once per page minus RSS before the walk (after one warm-up page and a GC). Peers have no Link-header pagination (docs/anchors.md §8), so the reference is a hand-written undici.request loop.`,
      '',
    );
    out.push(
      table(
        ['client', 'items', 'time', 'items/s', 'RSS start', 'RSS peak', 'RSS growth'],
        pag.rows.map((r) =>
          r.ok
            ? [
                r.client,
                int(r.items),
                `${fix(r.ms / 1000, 2)} s`,
                int(r.itemsPerS),
                `${fix(r.rssStartMb)} MiB`,
                `${fix(r.rssPeakMb)} MiB`,
                `${fix(r.rssGrowthMb)} MiB`,
              ]
            : [r.client, 'failed', r.error ?? '', '', '', '', ''],
        ),
      ),
      '',
    );
    const bars = pag.rows
      .filter((r) => r.ok)
      .map((r) => ({
        label: r.client,
        value: r.rssGrowthMb,
        text: `+${fix(r.rssGrowthMb)} MiB · ${fix(r.ms / 1000, 2)} s`,
        highlight: r.client === 'sdkgen',
      }));
    charts.push([
      'pagination',
      barChart(
        `Pagination: RSS growth over ${int(Number(pag.pages) * Number(pag.perPage))} items`,
        `lower is better; target < 64 MB${flag}`,
        bars,
        { value: 64, label: '64 MB' },
      ),
    ]);
    out.push('![pagination](charts/pagination.svg)', '');
  } else out.push('_Not run._', '');

  // ---------------- 5. bundle
  out.push('## 5. Bundle size of a one-call app', '');
  if (bun) {
    out.push(...staleNote(meta, 'bundle', bun.writtenAt));
    out.push(
      "One call (repos/get) against each tool's GitHub output, `esbuild --bundle --minify --platform=node --format=esm` with undici external; gzip at level 9. The last row is sdkgen on the 2-operation bench API: the runtime's own size. The fetch-based outputs bring no HTTP stack of their own (they call the platform's fetch), while sdkgen's bundle holds its runtime (retries, timeouts, auth, pagination, errors) and needs undici beside it.",
      '',
    );
    out.push(
      table(
        ['app', 'bytes', 'gzip'],
        bun.rows.map((r) => (r.ok ? [r.label, kb(r.bytes), kb(r.gzipBytes)] : [r.label, 'failed', r.error ?? ''])),
      ),
      '',
    );
    const bars = bun.rows
      .filter((r) => r.ok)
      .map((r) => ({
        label: r.label,
        value: r.gzipBytes / 1024,
        text: `${kb(r.gzipBytes)} gzip · ${kb(r.bytes)}`,
        highlight: r.id.startsWith('sdkgen'),
      }));
    charts.push(['bundle', barChart('Bundle: one-call app, esbuild --minify, gzip', `lower is better${flag}`, bars)]);
    out.push('![bundle](charts/bundle.svg)', '');
  } else out.push('_Not run._', '');

  for (const [name, svg] of charts) writeFileSync(join(outDir, 'charts', `${name}.svg`), svg);
  const md = out.join('\n');
  writeFileSync(join(outDir, 'results.md'), md);
  return md;
}
