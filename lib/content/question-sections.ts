// Splits a question's Markdown body into its two languages and five fixed sections, and says exactly
// what is missing when the structure is off. Pure: used by the loader, content:check and the tests.
export const SECTION_KEYS = ['shortAnswer', 'deepDive', 'commonMistakes', 'followUps', 'furtherReading'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type QuestionLang = 'en' | 'zh';

export const LANGUAGE_HEADINGS: Record<QuestionLang, string> = { en: 'English', zh: '中文' };

export const SECTION_HEADINGS: Record<QuestionLang, Record<SectionKey, string>> = {
  en: {
    shortAnswer: 'Short answer',
    deepDive: 'Deep dive',
    commonMistakes: 'Common mistakes',
    followUps: 'Follow-up questions',
    furtherReading: 'Further reading',
  },
  zh: {
    shortAnswer: '简答',
    deepDive: '深入',
    commonMistakes: '常见错误',
    followUps: '追问',
    furtherReading: '延伸阅读',
  },
};

export type QuestionSections = Record<QuestionLang, Record<SectionKey, string>>;

/** Headings inside fenced code blocks are code, not structure: track fences while scanning lines. */
function structuralLines(markdown: string): { line: string; inFence: boolean }[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const m = /^\s*(```+|~~~+)/.exec(line);
    const wasIn = fence !== null;
    if (m) {
      if (fence === null) fence = m[1];
      else if (m[1].startsWith(fence[0]) && m[1].length >= fence.length) fence = null;
      return { line, inFence: true };
    }
    return { line, inFence: wasIn };
  });
}

/**
 * `# English` then `# 中文`, each with the five `## ` sections in order. Returns the Markdown of each
 * section, or throws an Error listing every structural problem found.
 */
export function splitQuestionBody(body: string): QuestionSections {
  const problems: string[] = [];
  const langs: { lang: QuestionLang; lines: string[] }[] = [];
  for (const { line, inFence } of structuralLines(body)) {
    const h1 = inFence ? null : /^# (.+?)\s*$/.exec(line);
    if (h1) {
      const lang = (Object.keys(LANGUAGE_HEADINGS) as QuestionLang[]).find((l) => LANGUAGE_HEADINGS[l] === h1[1]);
      if (!lang) problems.push(`unexpected top-level heading "# ${h1[1]}" (only "# English" and "# 中文")`);
      else langs.push({ lang, lines: [] });
      continue;
    }
    if (langs.length === 0) {
      if (line.trim()) problems.push('text before "# English"');
      continue;
    }
    langs[langs.length - 1].lines.push(line);
  }
  const order = langs.map((l) => l.lang).join(',');
  if (order !== 'en,zh') problems.push(`languages must be "# English" then "# 中文" (found: ${order || 'none'})`);

  const result = { en: {}, zh: {} } as QuestionSections;
  for (const { lang, lines } of langs) {
    const sections: { key: SectionKey | null; title: string; lines: string[] }[] = [];
    for (const { line, inFence } of structuralLines(lines.join('\n'))) {
      const h2 = inFence ? null : /^## (.+?)\s*$/.exec(line);
      if (h2) {
        const key = SECTION_KEYS.find((k) => SECTION_HEADINGS[lang][k] === h2[1]) ?? null;
        if (!key) problems.push(`${LANGUAGE_HEADINGS[lang]}: unknown section "## ${h2[1]}"`);
        sections.push({ key, title: h2[1], lines: [] });
      } else if (sections.length > 0) {
        sections[sections.length - 1].lines.push(line);
      } else if (line.trim()) {
        problems.push(`${LANGUAGE_HEADINGS[lang]}: text before the first section`);
      }
    }
    const keys = sections.map((s) => s.key);
    if (keys.join(',') !== SECTION_KEYS.join(',')) {
      const expected = SECTION_KEYS.map((k) => SECTION_HEADINGS[lang][k]).join(' / ');
      problems.push(`${LANGUAGE_HEADINGS[lang]}: sections must be, in order: ${expected}`);
    }
    for (const s of sections) {
      if (!s.key) continue;
      const text = s.lines.join('\n').trim();
      if (!text) problems.push(`${LANGUAGE_HEADINGS[lang]}: section "${s.title}" is empty`);
      result[lang][s.key] = text;
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return result;
}
