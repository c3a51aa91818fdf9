// /questions: the twenty interview questions, grouped as a syllabus.
import type { Metadata } from 'next';
import { groupLabel } from '@/app/_components/catalogue/labels';
import { QuestionList } from '@/app/_components/catalogue/question-list';
import { T } from '@/app/_components/ui/t';
import { questionGroupSchema } from '@/lib/content/schema';
import { loadQuestions } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Questions' };

export default function QuestionsPage() {
  const questions = loadQuestions().map((q) => q.meta);
  const groups = questionGroupSchema.options
    .map((group) => ({ group, items: questions.filter((q) => q.group === group) }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      <h1 className="page-title">
        <T en="Interview questions" zh="面试题" />
      </h1>
      <p className="lead">
        <T
          en="Try each question aloud first; the answer stays hidden until you ask for it."
          zh="先试着口头回答，答案在你点开之前保持隐藏。"
        />
      </p>
      {groups.length === 0 ? (
        <QuestionList questions={[]} />
      ) : (
        groups.map(({ group, items }) => (
          <section key={group} className="section" aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>
              <T {...groupLabel[group]} />
            </h2>
            <QuestionList questions={items} />
          </section>
        ))
      )}
    </>
  );
}
