// The one place a verdict becomes UI text (judge0-style labels). Kept apart from result.ts (zod), so
// pages that only show verdicts (the dashboard) do not ship the result schema.
import type { Language, Verdict } from './result';

const VERDICT_TEXT: Record<Verdict, Record<Language, string>> = {
  pass: { en: 'Accepted', zh: '通过' },
  fail: { en: 'Wrong answer', zh: '答案错误' },
  error: { en: 'Error', zh: '运行错误' },
  timeout: { en: 'Time limit exceeded', zh: '超出时间限制' },
};

export function verdictText(verdict: Verdict, lang: Language): string {
  return VERDICT_TEXT[verdict][lang];
}
