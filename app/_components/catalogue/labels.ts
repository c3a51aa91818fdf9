// Display names (en/zh) for the catalogue's enumerations.
import type { Difficulty, QuestionGroup } from '@/lib/content/schema';
import type { Track } from '@/lib/content/catalogue';
import type { QuestionStatus } from '@/lib/progress/review-schedule';

export const difficultyLabel: Record<Difficulty, { en: string; zh: string }> = {
  easy: { en: 'Easy', zh: '简单' },
  medium: { en: 'Medium', zh: '中等' },
  hard: { en: 'Hard', zh: '困难' },
};

export const groupLabel: Record<QuestionGroup, { en: string; zh: string }> = {
  fundamentals: { en: 'Fundamentals', zh: '基础' },
  training: { en: 'Training', zh: '训练' },
  applications: { en: 'Applications', zh: '应用' },
  comparisons: { en: 'Comparisons', zh: '对比' },
};

export const trackLabel: Record<Track, { en: string; zh: string }> = {
  'from-scratch': { en: 'From scratch', zh: '从零实现' },
  'build-and-train': { en: 'Build and train', zh: '搭建与训练' },
};

/** A question's place in the learner's review (the same words on /questions and /progress). */
export const questionStatusLabel: Record<QuestionStatus, { en: string; zh: string }> = {
  new: { en: 'New', zh: '未学' },
  learning: { en: 'Learning', zh: '学习中' },
  known: { en: 'Known', zh: '已掌握' },
  due: { en: 'Due', zh: '待复习' },
};
