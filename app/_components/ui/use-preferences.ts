'use client';
// React access to the theme and language stored in the browser (lib/progress/preferences).
import { useCallback, useSyncExternalStore } from 'react';
import {
  readPreferences,
  writePreferences,
  type Lang,
  type Preferences,
  type ThemeChoice,
} from '@/lib/progress/preferences';

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentLang(): Lang {
  return document.documentElement.dataset.lang === 'zh' ? 'zh' : 'en';
}

function snapshot(): string {
  return `${readPreferences(localStorage).theme}|${currentLang()}`;
}

function apply(prefs: Preferences) {
  const root = document.documentElement;
  if (prefs.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = prefs.theme;
  if (prefs.lang) {
    root.dataset.lang = prefs.lang;
    root.lang = prefs.lang === 'zh' ? 'zh-CN' : 'en';
  }
  writePreferences(localStorage, prefs);
  listeners.forEach((l) => l());
}

export function usePreferences() {
  const snap = useSyncExternalStore(subscribe, snapshot, () => 'system|en');
  const [theme, lang] = snap.split('|') as [ThemeChoice, Lang];
  const setTheme = useCallback((t: ThemeChoice) => apply({ ...readPreferences(localStorage), theme: t, lang: currentLang() }), []);
  const setLang = useCallback((l: Lang) => apply({ ...readPreferences(localStorage), lang: l }), []);
  return { theme, lang, setTheme, setLang };
}
