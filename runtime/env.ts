/**
 * Environment variables as the runtime reads them. Only engine/settings.ts touches the
 * platform's environment (process.env on Node); everything else takes this object as a
 * parameter, so a platform without process.env passes another one (or none).
 */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;
