// /questions: the twenty interview questions, grouped as a syllabus, with status and search.
import type { Metadata } from 'next';
import { QuestionList } from '@/app/_components/catalogue/question-list';
import { QuestionBrowser } from '@/app/_components/questions/question-browser';
import { T } from '@/app/_components/ui/t';
import { questionGroupSchema } from '@/lib/content/schema';
import { loadQuestions } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Questions' };

export default function QuestionsPage() {
  const questions = loadQuestions().map(({ meta }) => ({
    id: meta.id,
    order: meta.order,
    title: meta.title,
    group: meta.group,
    difficulty: meta.difficulty,
    tags: meta.tags,
  }));
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
      {questions.length === 0 ? (
        <QuestionList questions={[]} />
      ) : (
        <QuestionBrowser questions={questions} groups={questionGroupSchema.options} />
      )}
    </>
  );
}
