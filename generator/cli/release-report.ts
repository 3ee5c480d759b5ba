/** The lines `generate --changelog` prints after the summary: the surface verdict and the version. */
import type { GenerateResult } from '../generate.js';

export function releaseReport(release: NonNullable<GenerateResult['release']>): string {
  if (!release.compared)
    return `changelog: surface recorded at version ${release.currentVersion}; the next --changelog run compares against it\n`;
  if (release.verdict === 'none')
    return `changelog: no change to the SDK surface; version stays ${release.currentVersion}\n`;
  const count = (severity: string) => release.changes.filter((c) => c.severity === severity).length;
  const counts = `${count('major')} breaking, ${count('minor')} minor, ${count('patch')} patch`;
  const version =
    release.packageVersion === release.suggestedVersion
      ? `package.json version set to ${release.suggestedVersion}`
      : `suggested next version: ${release.suggestedVersion} (package.json has ${release.currentVersion}; --bump writes it)`;
  return `changelog: ${release.verdict} change to the SDK surface (${counts}), CHANGELOG.md updated; ${version}\n`;
}
