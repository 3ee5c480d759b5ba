/**
 * The error tree every generated SDK exports (errors/base.ts explains the design; errors/codes.ts
 * holds the class list with the stable codes). Importing this file brands every class.
 */
export * from './errors/base.js';
export * from './errors/http.js';
export * from './errors/failures.js';
export * from './errors/codes.js';
