/** The typed SameSurf API v3 client: no DOM, no Lit; runs in browsers, Node and workers. */
export { SameSurfClient, createClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from './client.js';
export type { ClientOptions, CallOptions, TokenSource } from './client.js';
export { SameSurfError, ERROR_CODES, describeErrorCode } from './errors.js';
export type { SameSurfErrorKind } from './errors.js';
export { loadJsrsasign } from './jwt.js';
export { findProblem } from './validate.js';
export type { Problem } from './validate.js';
export * from './types.js';
