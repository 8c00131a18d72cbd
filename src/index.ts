/** The npm entry: classes and types, no side effects (import `samesurf-launcher/define` to register the element). */
export { SameSurfLauncher } from './launcher/samesurf-launcher.js';
export type {
  SameSurfErrorDetail,
  SameSurfHideDetail,
  SameSurfBeforeCreateDetail,
  SameSurfCreatedDetail,
  SameSurfLeaveDetail,
  HideSource,
} from './launcher/events.js';
export type { LauncherStrings } from './launcher/strings.js';
export { BUILT_IN_STRINGS } from './launcher/strings.js';
export * from './api/index.js';
