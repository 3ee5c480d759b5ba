/**
 * Section 5: bundle size of a one-call app (repos/get against each tool's GitHub output, plus
 * sdkgen on the 2-operation bench API, which is the runtime's own floor): esbuild --bundle --minify,
 * platform node, undici external; bytes and gzip bytes.
 *
 *   node --import tsx bench/src/bundle.ts [--quick]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { WORK_DIR, isQuick, resultsFile } from './paths.js';
import { CONSUMERS } from './tools.js';
import { genOutDir } from './gen.js';
import { SDKGEN_API, benchApisReady, generateBenchApis } from './clients.js';
import type { BundleRow } from './types.js';

async function main(): Promise<void> {
  const quick = isQuick();
  const rows: BundleRow[] = [];
  if (!benchApisReady()) generateBenchApis();
  const apps = [
    ...CONSUMERS,
    {
      id: 'sdkgen-small',
      tool: 'sdkgen',
      label: 'sdkgen, 2-operation API (the runtime alone)',
      dir: join(SDKGEN_API, '..'),
      app: `import { Bench } from './sdkgen/src/index.node.js';\nconst api = new Bench({ baseUrl: 'http://127.0.0.1:8080' });\nconsole.log((await api.pets.get({ petId: 42 })).name);\n`,
    },
  ];
  for (const consumer of apps) {
    if (!consumer.app) continue;
    const base = { id: consumer.id, label: consumer.label, bytes: 0, gzipBytes: 0 };
    if (!('dir' in consumer) && !existsSync(genOutDir(consumer.tool))) {
      rows.push({ ...base, ok: false, error: 'no generated output (generation failed or was skipped)' });
      continue;
    }
    const dir = 'dir' in consumer ? consumer.dir : join(WORK_DIR, 'gen', consumer.tool);
    const entry = join(dir, `app-${consumer.id}.ts`);
    const outfile = join(dir, `app-${consumer.id}.bundle.js`);
    writeFileSync(entry, consumer.app);
    try {
      await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        minify: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        external: ['undici'],
        logLevel: 'silent',
      });
      const code = readFileSync(outfile);
      rows.push({ ...base, ok: true, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    } catch (error) {
      rows.push({
        ...base,
        ok: false,
        error: (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' '),
      });
    }
    const row = rows.at(-1)!;
    process.stderr.write(
      `  bundle ${consumer.id.padEnd(24)} ${row.ok ? `${row.bytes} B, ${row.gzipBytes} B gzip` : `FAILED ${row.error}`}\n`,
    );
  }
  writeFileSync(resultsFile('bundle', quick), JSON.stringify({ section: 'bundle', quick, rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
