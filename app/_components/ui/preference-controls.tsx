'use client';
// The header's theme and language switches. Theme cycles system → light → dark; both are remembered.
import { THEMES, type ThemeChoice } from '@/lib/progress/preferences';
import { usePreferences } from './use-preferences';

const themeLabel: Record<ThemeChoice, { icon: string; short: { en: string; zh: string } }> = {
  system: { icon: '◐', short: { en: 'System', zh: '跟随系统' } },
  light: { icon: '☀', short: { en: 'Light', zh: '浅色' } },
  dark: { icon: '☾', short: { en: 'Dark', zh: '深色' } },
};

export function PreferenceControls() {
  const { theme, lang, setTheme, setLang } = usePreferences();
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  const label = themeLabel[theme];
  const described =
    lang === 'zh'
      ? `主题：${label.short.zh}（点击切换为${themeLabel[next].short.zh}）`
      : `Theme: ${label.short.en} (click for ${themeLabel[next].short.en})`;
  return (
    <div className="prefs">
      <button
        type="button"
        className="icon-button"
        data-testid="theme-toggle"
        data-theme-choice={theme}
        onClick={() => setTheme(next)}
        aria-label={described}
        title={described}
      >
        <span aria-hidden="true">{label.icon}</span>
        <span className="prefs-text">{label.short[lang]}</span>
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="lang-toggle"
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {lang === 'zh' ? 'English' : '中文'}
      </button>
    </div>
  );
}
