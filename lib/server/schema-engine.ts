// Loads Prisma's schema engine compiled to WebAssembly, so migrations run offline: the Prisma 7 CLI
// would download a native engine binary for `migrate`, which fails on machines without internet.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let engineModule: Promise<EngineModule> | undefined;

/** The wasm-bindgen glue with its WebAssembly instance attached (done once per process). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

export interface EngineLog {
  (message: string): void;
}

/** A schema engine for `schema` that talks to the database through a Prisma driver adapter. */
export async function createSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: EngineLog = () => {},
): Promise<SchemaEngine> {
  const glue = await loadEngineModule();
  // Without the binding wrapper the engine fails with "Cannot read properties of null (reading '#config')".
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  return glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bound);
}
