// Generates the Prisma client offline. The Prisma 7 CLI wants to download a native schema engine even
// for `generate`; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download
// (generate itself never runs the engine).
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
