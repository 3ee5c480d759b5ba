/**
 * Ground truth for `sdkgen diff`: the 17 published versions of @octokit/openapi, semver-versioned
 * by GitHub's maintainers. For each consecutive pair, prints the published bump next to sdkgen's
 * verdict and the changes counted by kind (a Markdown table, as docs/publishing.md quotes it),
 * and exits 1 when a published major bump is not found breaking.
 *
 *   node --import tsx scripts/octokit-verdicts.ts [--details .tmp/octokit-diff]   (details: one JSON per pair)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bumpBetween, diffSurfaces, surfaceOf, type SdkSurface } from '../generator/diff/index.js';
import { countByKind } from '../generator/diff/format.js';
import { fetchOctokitVersions, OCTOKIT_VERSIONS } from './lib/octokit-versions.js';

const { values } = parseArgs({ options: { details: { type: 'string' } } });
const paths = fetchOctokitVersions((line) => process.stderr.write(line + '\n'));
if (values.details) mkdirSync(values.details, { recursive: true });

const rows: string[] = [
  '| from | to | published | sdkgen | agree | major | minor | patch | major changes by kind |',
  '|---|---|---|---|---|---|---|---|---|',
];
let missedMajors = 0;
let previous: SdkSurface | undefined;
const started = Date.now();
for (const [index, path] of paths.entries()) {
  const surface = await surfaceOf(path, { allowRemoteRefs: false });
  if (previous) {
    const [from, to] = [OCTOKIT_VERSIONS[index - 1]!, OCTOKIT_VERSIONS[index]!];
    const { verdict, changes } = diffSurfaces(previous, surface);
    const published = bumpBetween(from, to);
    if (published === 'major' && verdict !== 'major') missedMajors += 1;
    // A published patch with no surface change agrees: patches are for docs and fixes.
    const agree = published === verdict || (published === 'patch' && verdict === 'none');
    const count = (s: string) => changes.filter((c) => c.severity === s).length;
    const majorKinds = Object.entries(countByKind(changes.filter((c) => c.severity === 'major')))
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    rows.push(
      `| ${from} | ${to} | ${published} | ${verdict} | ${agree ? 'yes' : 'no'} | ${count('major')} | ${count('minor')} | ${count('patch')} | ${majorKinds || '-'} |`,
    );
    if (values.details)
      writeFileSync(
        join(values.details, `${from}..${to}.json`),
        JSON.stringify({ from, to, published, verdict, counts: countByKind(changes), changes }, null, 2) + '\n',
      );
    process.stderr.write(`${from} -> ${to}: published ${published}, sdkgen ${verdict}\n`);
  }
  previous = surface;
}
process.stdout.write(rows.join('\n') + '\n');
process.stdout.write(
  `\n${OCTOKIT_VERSIONS.length - 1} pairs in ${Math.round((Date.now() - started) / 1000)} s; published majors not found breaking: ${missedMajors}\n`,
);
process.exitCode = missedMajors > 0 ? 1 : 0;
