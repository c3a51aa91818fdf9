// The app shell as a visitor meets it: home page, navigation, theme and language switches (remembered),
// the health route, and that nothing leaves localhost or logs an error.
import { describe, expect, it } from 'vitest';
import { screenshot, browserSessionPerTest } from './support/browser';

const session = browserSessionPerTest();

describe('app shell', () => {
  it('renders the home page with the catalogue found under content/', async () => {
    const { page } = session.current();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe('Prepare for LSTM interviews');
    // Either the list of questions or the empty state that says there are none.
    const questions = await page.locator('[data-testid="question-list"] > li').count();
    const emptyQuestions = await page.locator('[data-testid="questions-empty"]').count();
    expect(questions > 0 || emptyQuestions === 1).toBe(true);
    const exercises = await page.locator('[data-testid="exercise-list"] > li').count();
    const emptyExercises = await page.locator('[data-testid="exercises-empty"]').count();
    expect(exercises > 0 || emptyExercises === 1).toBe(true);
    await screenshot(page, 'home-light');
  });

  it('navigates to every section from the header, by mouse and by keyboard', async () => {
    const { page } = session.current();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [name, path, heading] of [
      ['Questions', '/questions', 'Interview questions'],
      ['Exercises', '/exercises', 'Exercises'],
      ['Lab', '/lab', 'Lab: inside an LSTM'],
      ['Review', '/review', 'Review'],
      ['Progress', '/progress', 'Progress'],
    ] as const) {
      await nav.getByRole('link', { name }).click();
      await page.waitForURL(`**${path}`);
      await expect(page.locator('h1').innerText()).resolves.toBe(heading);
      await expect(nav.getByRole('link', { name }).getAttribute('aria-current')).resolves.toBe('page');
    }
    // Keyboard, from a fresh load: the skip link is the first stop, then the brand link leads home.
    await page.goto('/progress');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText)).resolves.toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('follows the system theme, switches theme with the toggle and remembers it', async () => {
    const { page } = session.current();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(15, 20, 24)'); // system = dark
    const toggle = page.getByTestId('theme-toggle');
    await toggle.click(); // system → light
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'home-light-forced');
    await toggle.click(); // light → dark
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    expect(await bg()).toBe('rgb(15, 20, 24)'); // the choice beats the system setting
    await screenshot(page, 'home-dark');
    await page.getByTestId('theme-toggle').click(); // dark → system (light now)
    await expect(page.evaluate(() => document.documentElement.dataset.theme ?? 'none')).resolves.toBe('none');
    expect(await bg()).toBe('rgb(255, 255, 255)');
  });

  it('switches the interface to Chinese and back, and remembers the choice', async () => {
    const { page } = session.current();
    await page.goto('/');
    await page.getByTestId('lang-toggle').click();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await expect(page.locator('h1').innerText()).resolves.toBe('准备 LSTM 面试');
    await expect(page.getByRole('navigation', { name: 'Main' }).innerText()).resolves.toContain('面试题');
    await page.reload();
    await expect(page.locator('h1').innerText()).resolves.toBe('准备 LSTM 面试');
    await page.goto('/exercises');
    await expect(page.locator('h1').innerText()).resolves.toBe('练习');
    await screenshot(page, 'exercises-zh');
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Exercises');
  });

  it('is readable on a phone', async () => {
    const { page } = await session.reopen({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto('/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-phone');
  });

  it('reports the version and a working database at /api/health', async () => {
    const res = await session.current().page.request.get('/api/health');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.ok).toBe(true);
    expect(['pglite', 'postgresql']).toContain(body.database.engine);
    expect(body.database.appliedMigrations).toBeGreaterThan(0);
    expect(body.database.pendingMigrations).toBe(0);
  });
});
