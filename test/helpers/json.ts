/**
 * A parsed JSON answer whose shape the test itself asserts on: read as `body.rooms[0].id` without narrowing
 * first, because the assertion is the check. The tests' only `any`, named here once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of unchecked shape: the assertions check it
export type JsonBody = Record<string, any>;
