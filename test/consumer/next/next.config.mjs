import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
export default {
  poweredByHeader: false,
  // test/consumer, where node_modules is (the repository's own lock is further up).
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
};
