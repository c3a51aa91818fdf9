// Next.js configuration. Database drivers stay external to the server bundle (PGlite loads its own
// wasm and data files from node_modules at run time).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` (tsc, same tsconfig) runs as its own CI step; the build need not repeat it (~50 s).
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg'],
};

export default nextConfig;
