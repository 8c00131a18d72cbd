// The package's index.d.ts re-exports './browser/commands.mjs', whose types TypeScript cannot find (they are in
// commands.d.ts): the one function the tests use, typed as the package documents it.
export {};
declare module '@web/test-runner-visual-regression' {
  export function visualDiff(element: Node, name: string): Promise<void>;
}
