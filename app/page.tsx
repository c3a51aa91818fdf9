// Home: what LSTM Prep is, then every question and exercise found under content/.
import Link from 'next/link';
import { ExerciseList } from '@/app/_components/catalogue/exercise-list';
import { QuestionList } from '@/app/_components/catalogue/question-list';
import { T } from '@/app/_components/ui/t';
import { loadExercises, loadQuestions } from '@/lib/content/load';

export default function HomePage() {
  const questions = loadQuestions().map((q) => q.meta);
  const exercises = loadExercises().map((e) => e.meta);
  return (
    <>
      <h1 className="page-title">
        <T en="Prepare for LSTM interviews" zh="准备 LSTM 面试" />
      </h1>
      <p className="lead">
        <T
          en="Answer the classic questions from memory before you read ours, implement the LSTM yourself, and train small models in your browser — graded against a reference that is tested against TensorFlow.js and PyTorch."
          zh="先凭记忆回答经典面试题，再看我们的解答；亲手实现 LSTM，并在浏览器里训练小模型——评分所依据的参考实现已与 TensorFlow.js 和 PyTorch 对照验证。"
        />
      </p>
      <section className="section" aria-labelledby="home-questions">
        <h2 id="home-questions">
          <Link href="/questions">
            <T en={`Questions (${questions.length})`} zh={`面试题（${questions.length}）`} />
          </Link>
        </h2>
        <QuestionList questions={questions} />
      </section>
      <section className="section" aria-labelledby="home-exercises">
        <h2 id="home-exercises">
          <Link href="/exercises">
            <T en={`Exercises (${exercises.length})`} zh={`练习（${exercises.length}）`} />
          </Link>
        </h2>
        <ExerciseList exercises={exercises} />
      </section>
    </>
  );
}
