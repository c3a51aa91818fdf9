// Next.js configuration. Database drivers stay external to the server bundle (PGlite loads its own
// wasm and data files from node_modules at run time).
/**
 * The learner's code runs in /grader/worker.js. Its own policy: it may evaluate code (the learner's
 * module) and instantiate wasm, may fetch only from our origin (the tfjs .wasm files; the worker
 * deletes fetch and friends before learner code runs), and may not start nested workers.
 */
const graderWorkerPolicy = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'none'",
  "child-src 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` (tsc, same tsconfig) runs as its own CI step; the build need not repeat it (~50 s).
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg'],
  async headers() {
    return [
      {
        source: '/grader/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: graderWorkerPolicy },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
    ];
  },
};

export default nextConfig;
