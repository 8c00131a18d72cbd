/** What a page has fetched of the launcher's lazy code (Resource Timing: an entry appears once a fetch completes). */
const fetched = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[];
export const launchCode = () => fetched().find((r) => r.name.includes('/src/launcher/launch.'));
export const signer = () => fetched().find((r) => r.name.includes('/vendor/jsrsasign-jwths.'));
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longer than the idle callback's 2 s timeout. */
export const AFTER_IDLE_MS = 2600;
