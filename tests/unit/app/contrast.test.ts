// WCAG AA contrast of the theme colours in app/globals.css: every text colour against every background
// it is drawn on, in both themes (≥ 4.5:1 for normal text).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('app/globals.css', 'utf8');

/** The custom properties declared in the first block whose selector matches `selector`. */
function tokens(selector: RegExp): Record<string, string> {
  const block = new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`, selector.flags).exec(css);
  if (!block) throw new Error(`no CSS block for ${selector}`);
  return Object.fromEntries([...block[1].matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const themes = {
  light: tokens(/^:root/m),
  dark: tokens(/:root\[data-theme='dark'\]/),
};

describe.each(Object.entries(themes))('%s theme', (_name, t) => {
  it.each(['fg', 'fg-muted', 'accent', 'ok', 'warn', 'bad'])('--%s is readable on the page and card backgrounds', (fg) => {
    for (const bg of ['bg', 'bg-soft']) expect(contrast(t[fg], t[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('primary buttons are readable', () => {
    expect(contrast(t['accent-fg'], t.accent)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('contrast()', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
