// Interface preferences kept in the browser: colour theme and language. Versioned and zod-validated
// (zod/mini: this ships to every page); anything unreadable falls back to the defaults.
import * as z from 'zod/mini';

export const PREFERENCES_KEY = 'lstm-prep:prefs:v1';
export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGS = ['en', 'zh'] as const;

export type ThemeChoice = (typeof THEMES)[number];
export type Lang = (typeof LANGS)[number];

export const preferencesSchema = z.object({
  theme: z.catch(z.enum(THEMES), 'system'),
  lang: z.catch(z.optional(z.enum(LANGS)), undefined),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export function readPreferences(storage: Pick<Storage, 'getItem'>): Preferences {
  try {
    return preferencesSchema.parse(JSON.parse(storage.getItem(PREFERENCES_KEY) ?? '{}'));
  } catch {
    return { theme: 'system' };
  }
}

export function writePreferences(storage: Pick<Storage, 'setItem'>, prefs: Preferences): void {
  try {
    storage.setItem(PREFERENCES_KEY, JSON.stringify(preferencesSchema.parse(prefs)));
  } catch {
    /* storage full or disabled (private mode): the choice lasts for this page only */
  }
}

/** The language to show when none was chosen: the browser's first preference among en / zh, else English. */
export function defaultLang(navigatorLanguages: readonly string[]): Lang {
  const first = navigatorLanguages.map((l) => l.toLowerCase()).find((l) => l.startsWith('zh') || l.startsWith('en'));
  return first?.startsWith('zh') ? 'zh' : 'en';
}

/**
 * A tiny script for <head> that applies the saved theme and language before the first paint, so a
 * reader never sees the wrong theme flash. It mirrors readPreferences/defaultLang without imports.
 */
export const preferencesBootScript = `(function(){try{var d=document.documentElement,p={};
try{p=JSON.parse(localStorage.getItem(${JSON.stringify(PREFERENCES_KEY)})||'{}')||{}}catch(e){}
if(p.theme==='light'||p.theme==='dark')d.dataset.theme=p.theme;
var l=p.lang;if(l!=='zh'&&l!=='en'){l='en';var n=navigator.languages||[navigator.language];
for(var k=0;k<n.length;k++){var x=String(n[k]).toLowerCase();if(x.indexOf('zh')===0){l='zh';break}if(x.indexOf('en')===0)break}}
d.dataset.lang=l;d.lang=l==='zh'?'zh-CN':'en';}catch(e){}})();`;
