// Grader speed: time from grade() to verdict, cold and with a warm worker pool, for every exercise (prints figures).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gradeSubmission } from '@/lib/grader/grade';
import { listExercises, loadSpec, NodeSandbox } from '@/lib/grader/node';
import { workerScriptPath } from '@/lib/grader/node/worker-bundle';
import { ready } from '@/lib/tfjs';

const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  await ready(); // the host's own tfjs start-up is paid once per process, not per submission
  await workerScriptPath();
  const onlySlugs = process.argv.slice(2);
  console.log(`grader bench (Node ${process.version}; submit = all cases incl. hidden; ${WARM_RUNS} warm runs)`);
  for (const location of listExercises()) {
    if (onlySlugs.length > 0 && !onlySlugs.includes(location.slug)) continue;
    const spec = await loadSpec(location);
    const source = await readFile(path.join(location.dir, 'solution.ts'), 'utf8');

    const cold = new NodeSandbox({ warm: false });
    let t = performance.now();
    const first = await gradeSubmission(spec, source, cold, { includeHidden: true });
    const coldMs = performance.now() - t;
    await cold.close();

    const warm = new NodeSandbox({ warm: true });
    await warm.prewarm(spec.memoryMb);
    const times: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      t = performance.now();
      const result = await gradeSubmission(spec, source, warm, { includeHidden: true });
      times.push(performance.now() - t);
      if (result.verdict !== 'pass') throw new Error(`${location.slug}: solution did not pass (${result.message.en})`);
      await warm.prewarm(spec.memoryMb); // between submissions, as a server would be idle
    }
    await warm.close();
    console.log(
      `${location.slug.padEnd(28)} cold ${coldMs.toFixed(0).padStart(5)} ms (${first.verdict})   warm median ${median(times).toFixed(0).padStart(4)} ms  [${times.map((x) => x.toFixed(0)).join(', ')}]`,
    );
  }
}

await main();
