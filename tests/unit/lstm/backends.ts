// The backends the lib/lstm tests run on: wasm (the product's) and cpu.
import { ready, type TfjsBackend } from '@/lib/tfjs';

export const BACKENDS: TfjsBackend[] = ['wasm', 'cpu'];

/** Switches tfjs to `backend` and checks that the switch happened (no silent fallback in tests). */
export async function useBackend(backend: TfjsBackend): Promise<void> {
  const active = await ready({ backend });
  if (active !== backend) throw new Error(`tests expected the ${backend} backend, got ${active}`);
}
