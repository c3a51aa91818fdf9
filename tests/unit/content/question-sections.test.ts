import { describe, expect, it } from 'vitest';
import { splitQuestionBody } from '@/lib/content/question-sections';

const en = ['Short answer', 'Deep dive', 'Common mistakes', 'Follow-up questions', 'Further reading'];
const zh = ['简答', '深入', '常见错误', '追问', '延伸阅读'];
const body = (enTitles = en, zhTitles = zh) =>
  `# English\n\n${enTitles.map((t, i) => `## ${t}\n\nen ${i}\n`).join('\n')}\n# 中文\n\n${zhTitles
    .map((t, i) => `## ${t}\n\nzh ${i}\n`)
    .join('\n')}`;

describe('splitQuestionBody', () => {
  it('returns the five sections of both languages', () => {
    const s = splitQuestionBody(body());
    expect(s.en.shortAnswer).toBe('en 0');
    expect(s.en.furtherReading).toBe('en 4');
    expect(s.zh.followUps).toBe('zh 3');
  });

  it('ignores headings inside code fences', () => {
    const withCode = body().replace('en 1', 'en 1\n\n```python\n# English\n## Not a section\n```');
    expect(splitQuestionBody(withCode).en.deepDive).toContain('## Not a section');
  });

  it('rejects a missing or misplaced section, naming the language', () => {
    expect(() => splitQuestionBody(body(en.slice(0, 4)))).toThrow(/English: sections must be, in order/);
    expect(() => splitQuestionBody(body(en, [zh[1], zh[0], ...zh.slice(2)]))).toThrow(/中文: sections must be/);
  });

  it('rejects an empty section and the wrong language order', () => {
    expect(() => splitQuestionBody(body().replace('zh 2', ''))).toThrow(/section "常见错误" is empty/);
    const swapped = body().replace('# English', '# TMP').replace('# 中文', '# English').replace('# TMP', '# 中文');
    expect(() => splitQuestionBody(swapped)).toThrow(/"# English" then "# 中文"/);
  });
});
