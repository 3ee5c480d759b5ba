/**
 * Moved to test/runtime/support/raw-server.ts (test helpers live in test/runtime/support/).
 * This re-export stays only for test/generator/emit/e2e-validation.test.ts, which imports the
 * old path; point that import at support/raw-server.js and delete this file.
 */
export * from '../support/raw-server.js';
