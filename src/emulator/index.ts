/** The SameSurf API v3 emulator (Node only). */
export { startEmulator } from './server.js';
export type { RunningEmulator } from './server.js';
export type { EmulatorOptions } from './options.js';
export type { FaultSpec } from './faults.js';
export type { SeedRoom } from './seed.js';
export { SeedError } from './seed.js';
export { BUILT_IN_KEYS } from './state.js';
export type { ApiKey } from './state.js';
