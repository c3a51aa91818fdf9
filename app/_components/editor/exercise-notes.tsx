'use client';
// The learner's own notes beside an exercise (kept in the browser store, and in the account when signed in).
import { noteOf, saveNote, NOTE_MAX_CHARS } from '@/lib/progress/local-store';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';

export function ExerciseNotes({ exerciseId }: { exerciseId: string }) {
  const [progress, update] = useLocalProgress();
  const note = progress ? noteOf(progress, 'exercise', exerciseId) : '';
  return (
    <section className="section" aria-labelledby="notes-heading">
      <h2 id="notes-heading">
        <T en="My notes" zh="我的笔记" />
      </h2>
      <label className="muted" htmlFor="exercise-note">
        <T en="What you want to remember about this exercise (saved as you type):" zh="关于这道练习想记住的内容（输入时自动保存）：" />
      </label>
      <textarea
        id="exercise-note"
        className="recall-note"
        rows={4}
        maxLength={NOTE_MAX_CHARS}
        value={note}
        disabled={progress === null}
        onChange={(e) => update((p) => saveNote(p, 'exercise', exerciseId, e.target.value, new Date()))}
        data-testid="exercise-note"
      />
    </section>
  );
}
