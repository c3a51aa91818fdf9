// Next.js configuration. Database drivers stay external to the server bundle (PGlite loads its own
// wasm and data files from node_modules at run time).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg'],
};

export default nextConfig;
