// Types of /__emulator.js, the module the test runner's emulator plugin serves
// (web-test-runner.config.mjs); tsconfig.json maps the path here.

/** The emulator's URL, e.g. http://127.0.0.1:41234 (another origin than the test page). */
export declare const base: string;
