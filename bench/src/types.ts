/** Shapes of the per-section JSON results (bench/.work/results/<section>.json) the report reads. */
export type ToolId = 'sdkgen' | 'hey-api' | 'orval' | 'openapi-typescript' | 'oazapfts' | 'swagger-typescript-api';

export interface GenRow {
  readonly tool: ToolId;
  readonly label: string;
  readonly fullClient: boolean;
  readonly ok: boolean;
  readonly error?: string;
  readonly runs: number;
  readonly wallMs: number;
  readonly wallMsAll: number[];
  readonly peakRssMb: number;
  readonly outputBytes: number;
  readonly outputFiles: number;
  /** sdkgen only: its own per-phase timings (ms, from --json) in the round with the median wall time. */
  readonly phasesMs?: Record<string, number>;
}

export interface TscRow {
  readonly id: string;
  readonly label: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly errors: number;
  readonly firstErrors: string[];
  readonly files: number;
  readonly lines: number;
  readonly types: number;
  readonly instantiations: number;
  readonly checkTimeS: number;
  readonly totalTimeS: number;
  readonly memoryMb: number;
}

/**
 * Runtime rows for issue 15's throughput target ("as users run it": a bearer token configured,
 * the default log level); the sdkgen row's ratio is to raw undici sending the same header.
 */
export const RAW_BEARER = 'raw undici.request + bearer';
export const SDKGEN_BEARER = 'sdkgen + bearer, default logging';

export interface RuntimeRow {
  readonly client: string;
  readonly concurrency: number;
  readonly rps: number;
  readonly rpsAll: number[];
  readonly ratioToRaw: number;
  readonly cpuUsPerCall: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface PaginationRow {
  readonly client: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly items: number;
  readonly pages: number;
  readonly ms: number;
  readonly itemsPerS: number;
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  readonly rssGrowthMb: number;
}

export interface BundleRow {
  readonly id: string;
  readonly label: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface SectionResult<Row> {
  readonly section: string;
  readonly quick: boolean;
  readonly rows: Row[];
  readonly [setting: string]: unknown;
}
