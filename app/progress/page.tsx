// /progress: your solved exercises and question review states (empty until you submit or rate something).
import type { Metadata } from 'next';
import Link from 'next/link';
import { T } from '@/app/_components/ui/t';

export const metadata: Metadata = { title: 'Progress' };

export default function ProgressPage() {
  return (
    <>
      <h1 className="page-title">
        <T en="Progress" zh="进度" />
      </h1>
      <p className="empty-state" data-testid="progress-empty">
        <T
          en={
            <>
              No activity yet. Your submissions, solved exercises and reviewed questions will be counted here.{' '}
              <Link href="/exercises">Pick an exercise</Link>.
            </>
          }
          zh={
            <>
              还没有学习记录。你的提交、已解决的练习和复习过的题目都会统计在这里。<Link href="/exercises">选一个练习</Link>。
            </>
          }
        />
      </p>
    </>
  );
}
