import { describe, expect, it } from 'vitest';
import {
  LOCAL_STORE_KEY,
  emptyProgress,
  lastRating,
  readProgress,
  recordRating,
  updateProgress,
} from '@/lib/progress/local-store';
import { defaultLang, readPreferences, writePreferences, PREFERENCES_KEY } from '@/lib/progress/preferences';

function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('local progress store', () => {
  it('starts empty and keeps ratings in order', () => {
    const s = memoryStorage();
    expect(readProgress(s)).toEqual(emptyProgress());
    updateProgress(s, (p) => recordRating(p, '02-gates', 'hard', new Date('2026-01-01T00:00:00Z')));
    const p = updateProgress(s, (q) => recordRating(q, '02-gates', 'good', new Date('2026-01-02T00:00:00Z')));
    expect(p.questionRatings['02-gates'].map((r) => r.rating)).toEqual(['hard', 'good']);
    expect(lastRating(readProgress(s), '02-gates')).toBe('good');
  });

  it('sets unreadable data aside instead of failing or silently discarding it', () => {
    const s = memoryStorage({ [LOCAL_STORE_KEY]: '{"version":99}' });
    expect(readProgress(s)).toEqual(emptyProgress());
    const kept = [...s.data.keys()].filter((k) => k.startsWith(`${LOCAL_STORE_KEY}:unreadable:`));
    expect(kept).toHaveLength(1);
    expect(s.data.get(kept[0])).toBe('{"version":99}');
  });

  it('refuses to write an invalid document', () => {
    const s = memoryStorage();
    expect(() => updateProgress(s, (p) => ({ ...p, notes: { 'question:q': { body: 'x'.repeat(20_001), savedAt: new Date().toISOString() } } }))).toThrow();
    expect(s.data.has(LOCAL_STORE_KEY)).toBe(false);
  });
});

describe('preferences', () => {
  it('round-trips and falls back on bad values', () => {
    const s = memoryStorage();
    writePreferences(s, { theme: 'dark', lang: 'zh' });
    expect(readPreferences(s)).toEqual({ theme: 'dark', lang: 'zh' });
    s.setItem(PREFERENCES_KEY, '{"theme":"neon","lang":"fr"}');
    expect(readPreferences(s)).toEqual({ theme: 'system', lang: undefined });
    s.setItem(PREFERENCES_KEY, 'not json');
    expect(readPreferences(s)).toEqual({ theme: 'system' });
  });

  it('defaults to Chinese only for zh browsers', () => {
    expect(defaultLang(['zh-CN', 'en'])).toBe('zh');
    expect(defaultLang(['fr-FR', 'zh-TW', 'en'])).toBe('zh');
    expect(defaultLang(['en-GB', 'zh-TW'])).toBe('en');
    expect(defaultLang(['fr-FR'])).toBe('en');
  });
});
