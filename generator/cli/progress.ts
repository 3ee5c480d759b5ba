/**
 * Live progress on a terminal: one line per phase with its count and time. Silent when stderr is
 * not a terminal or CI is set, so logs and pipes only get the final result.
 */
import type { Phase, ProgressReporter } from '../generate.js';

/** Width of the phase name column ("model", "write"). */
const PHASE_COLUMN = 6;
/** Width of the detail column before the duration. */
const DETAIL_COLUMN = 34;

export function shouldShowProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.CI !== 'true' && env.CI !== '1';
}

export class TerminalProgress implements ProgressReporter {
  private openPhase: Phase | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  phaseStarted(phase: Phase): void {
    this.stream.write(`  ${phase.padEnd(PHASE_COLUMN)}...`);
    this.openPhase = phase;
  }

  /** Marks the phase a failure interrupted, so the error starts on its own line. */
  interrupted(): void {
    if (this.openPhase) this.stream.write(`\r\x1b[2K  ${this.openPhase.padEnd(PHASE_COLUMN)}failed\n`);
    this.openPhase = undefined;
  }

  phaseDone(phase: Phase, detail: string, durationMs: number): void {
    // \r + clear-line replaces the "..." line in place.
    this.stream.write(
      `\r\x1b[2K  ${phase.padEnd(PHASE_COLUMN)}${detail.padEnd(DETAIL_COLUMN)}${String(durationMs).padStart(6)} ms\n`,
    );
    this.openPhase = undefined;
  }
}
