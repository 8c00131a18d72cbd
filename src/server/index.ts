/** `samesurf-launcher/server`: keep the API key and secret on the server. */
export { createSameSurfHandler } from './handler.js';
export type { SameSurfHandler, SameSurfHandlerOptions, ClientInfo } from './handler.js';
export { toNodeListener } from './node.js';
export type { Policy, CreatePolicy, InvitationPolicy } from './policy.js';
export type { RateLimit } from './rate-limit.js';
