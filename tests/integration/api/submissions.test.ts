// Submissions through the API: stored once per clientId however often and however concurrently it is
// sent, listed newest first, with the exercise's progress kept beside them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOneSubmission, getSubmissions, postSubmission } from '@/lib/server/api/submissions';
import { getProgress } from '@/lib/server/api/progress';
import { call, openHarness, submission, type ApiHarness } from './support';

let h: ApiHarness;
let ada: { id: string; cookie: string };

beforeAll(async () => {
  h = await openHarness();
  ada = await h.signUp('ada@example.com');
});
afterAll(async () => h?.cleanup());

describe('POST /api/submissions', () => {
  it('stores 20 concurrent posts of one clientId exactly once: one 201 created, 19 200 not created', async () => {
    const record = submission();
    const responses = await Promise.all(Array.from({ length: 20 }, () => call(h, postSubmission, {}, { cookie: ada.cookie, body: record })));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(bodies.filter((b) => b.created === true)).toHaveLength(1);
    expect(bodies.every((b) => b.clientId === record.clientId)).toBe(true);
    await expect(h.scratch.db.prisma.submission.count({ where: { userId: ada.id, clientId: record.clientId } })).resolves.toBe(1);
  });

  it('reads back what was stored, exactly as the browser reported it', async () => {
    const record = submission({ exerciseId: '02-lstm-forward', verdict: 'fail', kind: 'run', at: '2026-12-02T08:30:00.123Z', code: 'const x = "€";' });
    expect((await call(h, postSubmission, {}, { cookie: ada.cookie, body: record })).status).toBe(201);
    const one = await call(h, getOneSubmission, { clientId: record.clientId }, { cookie: ada.cookie });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(record);
  });

  it('lists newest first, by exercise and with a limit', async () => {
    for (const at of ['2026-12-03T00:00:00.000Z', '2026-12-04T00:00:00.000Z']) {
      await call(h, postSubmission, {}, { cookie: ada.cookie, body: submission({ exerciseId: '03-lstm-bptt', verdict: 'fail', at }) });
    }
    const all = await (await call(h, getSubmissions, {}, { cookie: ada.cookie, path: '/api/submissions' })).json();
    expect(all.submissions.map((s: { at: string }) => s.at)).toEqual([...all.submissions.map((s: { at: string }) => s.at)].sort().reverse());
    const bptt = await (await call(h, getSubmissions, {}, { cookie: ada.cookie, path: '/api/submissions?exerciseId=03-lstm-bptt&limit=1' })).json();
    expect(bptt.submissions).toHaveLength(1);
    expect(bptt.submissions[0].at).toBe('2026-12-04T00:00:00.000Z');
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'exerciseId=99-nope']) {
      const res = await call(h, getSubmissions, {}, { cookie: ada.cookie, path: `/api/submissions?${bad}` });
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error).toBeTruthy();
    }
  });

  it('keeps the exercise progress: last attempt the latest, solved at the first passing Submit', async () => {
    const ex = '04-gradient-clipping';
    const post = (over: Parameters<typeof submission>[0]) => call(h, postSubmission, {}, { cookie: ada.cookie, body: submission({ exerciseId: ex, ...over }) });
    await post({ kind: 'submit', verdict: 'pass', at: '2026-12-05T10:00:00.000Z' });
    await post({ kind: 'run', verdict: 'fail', at: '2026-12-05T12:00:00.000Z' });
    await post({ kind: 'submit', verdict: 'pass', at: '2026-12-05T09:00:00.000Z' }); // arrives late, happened first
    const progress = await (await call(h, getProgress, {}, { cookie: ada.cookie })).json();
    expect(progress.exercises[ex]).toEqual({ last: { verdict: 'fail', includesHidden: false, at: '2026-12-05T12:00:00.000Z' }, solvedAt: '2026-12-05T09:00:00.000Z' });
  });
});
