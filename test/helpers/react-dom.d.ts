// The few react-dom APIs the React wrapper's tests use (the repository has no @types/react-dom).
declare module 'react-dom' {
  export function flushSync<R>(fn: () => R): R;
}
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export interface RootOptions {
    onRecoverableError?: (error: unknown, info: { componentStack?: string }) => void;
  }
  export function createRoot(container: Element | DocumentFragment, options?: RootOptions): Root;
  export function hydrateRoot(container: Element | Document, initialChildren: ReactNode, options?: RootOptions): Root;
}
declare module 'react-dom/server' {
  import type { ReactNode } from 'react';
  export function renderToString(node: ReactNode): string;
}
