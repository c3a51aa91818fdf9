// `npm run train:lab-weights [-- --task counting]`: retrains the gate inspector's tiny LSTMs and GRUs from their seeds and writes lib/lab/weights/*.json.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluatePreset } from '@/lib/lab/evaluate-preset';
import { LAB_CELLS } from '@/lib/lab/lab-weights';
import { LAB_WEIGHTS_SEED, weightsFileOf } from '@/lib/lab/weight-files';
import { PRESET_TASKS, type PresetTask } from '@/lib/lab/presets';
import { trainPreset } from '@/lib/lab/train-preset';
import { ready } from '@/lib/tfjs';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { task: { type: 'string' } } });
  const tasks = values.task ? [values.task as PresetTask] : [...PRESET_TASKS];
  if (tasks.some((t) => !PRESET_TASKS.includes(t))) throw new Error(`--task must be one of ${PRESET_TASKS.join(', ')}`);
  const backend = await ready();
  console.log(`backend ${backend}`);
  const started = performance.now();
  for (const cell of LAB_CELLS) {
    for (const task of tasks) {
      const taskStarted = performance.now();
      const weights = trainPreset(task, cell, LAB_WEIGHTS_SEED);
      const seconds = (performance.now() - taskStarted) / 1000;
      await writeFile(weightsFileOf(task, cell), JSON.stringify(weights) + '\n');
      console.log(`${cell} ${task}: ${seconds.toFixed(1)} s, ${describeScore(task, evaluatePreset(weights))}`);
    }
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function describeScore(task: PresetTask, s: ReturnType<typeof evaluatePreset>): string {
  if (task === 'counting') return `mean |count error| ${s.value.toFixed(3)}, exact counts ${(100 * s.secondary!).toFixed(1)}%`;
  if (task === 'delayed-copy') return `bit accuracy ${(100 * s.value).toFixed(1)}%`;
  return `one-step MSE ${s.value.toFixed(4)} vs last-value baseline ${s.secondary!.toFixed(4)}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
