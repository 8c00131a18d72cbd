/** `samesurf-launcher/server`: keep the API key and secret on the server. */
export { AGENT_CALLS, createSameSurfHandler } from './handler.js';
export type { SameSurfHandler, SameSurfHandlerOptions, ClientInfo } from './handler.js';
export { toNodeListener, type NodeRequestLike, type NodeResponseLike } from './node.js';
export type { Policy, CreatePolicy, InvitationPolicy, SchedulePolicy } from './policy.js';
export type { Authorize, AuthorizeContext, AuthorizeDecision } from './authorize.js';
export { MemoryRateLimitStore } from './rate-limit.js';
export type { RateLimit, RateLimitStore, BucketLimit, TakeResult, MemoryStoreOptions } from './rate-limit.js';
export type { TrustProxy } from './request-identity.js';
