/**
 * Logging: `logLevel` off|error|warn|info|debug (env `<PREFIX>_LOG`), any console-shaped logger.
 * info = one line per attempt. URLs arrive here already redacted; headers are never logged
 * except at debug, redacted.
 */
import { DEFAULT_LOG_LEVEL } from '../constants.js';
import type { AttemptLogFields, LogLevel, Logger } from '../options.js';
import type { EnvironmentVariables } from '../env.js';

/** Warnings already given, per logger: "once" holds across clients derived with withOptions(). */
const WARNED = new WeakMap<Logger, Set<string>>();

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(LEVEL_RANK, value);
}

export interface AttemptLogLine {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly errorCode?: string;
  readonly ms: number;
  readonly attempt: number;
  readonly requestId?: string | undefined;
  /** Set when another attempt follows: the delay before it. */
  readonly retryInMs?: number;
}

export class RuntimeLog {
  readonly level: LogLevel;
  readonly logger: Logger;
  readonly #rank: number;
  /** A logger the caller passed gets structured fields; console keeps its one-line output. */
  readonly #structured: boolean;

  constructor(level: LogLevel, logger: Logger) {
    this.level = level;
    this.logger = logger;
    this.#rank = LEVEL_RANK[level];
    this.#structured = logger !== console;
  }

  /** Resolution order: option, env `<PREFIX>_LOG`, default 'warn'. An invalid env value is reported, not fatal. */
  static create(
    option: LogLevel | undefined,
    logger: Logger | undefined,
    envPrefix: string,
    env: EnvironmentVariables,
  ): RuntimeLog {
    const sink = logger ?? console;
    if (option !== undefined) return new RuntimeLog(option, sink);
    const fromEnv = env[`${envPrefix}_LOG`];
    if (fromEnv === undefined || fromEnv === '') return new RuntimeLog(DEFAULT_LOG_LEVEL, sink);
    const lower = fromEnv.toLowerCase();
    if (isLogLevel(lower)) return new RuntimeLog(lower, sink);
    const log = new RuntimeLog(DEFAULT_LOG_LEVEL, sink);
    log.warn(
      `${envPrefix}_LOG=${JSON.stringify(fromEnv)} is not a log level (off, error, warn, info, debug); using ${DEFAULT_LOG_LEVEL}`,
    );
    return log;
  }

  get infoEnabled(): boolean {
    return this.#rank >= LEVEL_RANK.info;
  }

  get debugEnabled(): boolean {
    return this.#rank >= LEVEL_RANK.debug;
  }

  error(message: string): void {
    if (this.#rank >= LEVEL_RANK.error) this.logger.error(message);
  }

  warn(message: string): void {
    if (this.#rank >= LEVEL_RANK.warn) this.logger.warn(message);
  }

  /** A warning printed once per logger (TLS verification disabled ...). */
  warnOnce(key: string, message: string): void {
    let warned = WARNED.get(this.logger);
    if (warned === undefined) {
      warned = new Set();
      WARNED.set(this.logger, warned);
    }
    if (warned.has(key)) return;
    warned.add(key);
    this.warn(message);
  }

  debug(message: string): void {
    if (this.#rank >= LEVEL_RANK.debug) this.logger.debug(message);
  }

  /** The info line of one attempt; a failed final attempt is logged at warn/error by the caller. */
  attempt(line: AttemptLogLine): void {
    if (!this.infoEnabled) return;
    if (this.#structured) this.logger.info(formatAttempt(line), attemptFields(line));
    else this.logger.info(formatAttempt(line));
  }
}

/** The line's fields under the names log pipelines expect (AttemptLogFields). */
export function attemptFields(line: AttemptLogLine): AttemptLogFields {
  return {
    operation: line.operationId,
    method: line.method,
    url: line.url,
    attempt: line.attempt,
    ...(line.status === undefined ? {} : { status: line.status }),
    ...(line.errorCode === undefined ? {} : { errorCode: line.errorCode }),
    durationMs: Math.round(line.ms),
    ...(line.requestId ? { requestId: line.requestId } : {}),
    ...(line.retryInMs === undefined ? {} : { retryInMs: Math.round(line.retryInMs) }),
  };
}

export function formatAttempt(line: AttemptLogLine): string {
  const outcome = line.status !== undefined ? String(line.status) : (line.errorCode ?? 'error');
  let text = `[sdk] ${line.operationId} ${line.method} ${line.url} -> ${outcome} in ${Math.round(line.ms)} ms (attempt ${line.attempt}`;
  if (line.requestId) text += `, request id ${line.requestId}`;
  text += ')';
  if (line.retryInMs !== undefined) text += `; retrying in ${Math.round(line.retryInMs)} ms`;
  return text;
}
