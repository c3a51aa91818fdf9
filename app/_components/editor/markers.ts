// Where a grading result points into the learner's code: compile errors (`line:column message`) and runtime errors (`(line N)`).
import type { GradeResult } from '@/lib/grader/result';

/** One editor marker, 1-based like the grader's positions. */
export interface CodeMarker {
  line: number;
  column: number;
  message: string;
}

const COMPILE_LINE = /^(\d+):(\d+) (.+)$/;
const RUNTIME_LINE = /\(line (\d+)\)/;

/** The markers a result implies, at most one per line, in source order. */
export function markersOf(result: GradeResult): CodeMarker[] {
  const found = new Map<number, CodeMarker>();
  for (const row of result.message.en.split('\n')) {
    const m = COMPILE_LINE.exec(row.trim());
    if (m) found.set(Number(m[1]), { line: Number(m[1]), column: Number(m[2]), message: m[3] });
  }
  const texts = [result.message.en, ...result.tests.map((t) => t.message.en)];
  for (const text of texts) {
    const m = RUNTIME_LINE.exec(text);
    if (m && !found.has(Number(m[1]))) found.set(Number(m[1]), { line: Number(m[1]), column: 1, message: text.split('\n')[0] });
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}
