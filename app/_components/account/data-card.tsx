'use client';
// Export all of the account's data as one JSON file, and import such a file back (counts of what changed).
import { useId, useState } from 'react';
import * as z from 'zod/mini';
import type { AccountUser } from '../ui/account';
import { flushChanges, resync } from '../ui/sync-runtime';
import { T } from '../ui/t';
import { Message, NETWORK, type Notice, type Text } from './notices';

const IMPORT_MAX_BYTES = 16 * 1024 * 1024;
const count = z.number().check(z.int(), z.nonnegative());
/** POST /api/import's answer: how many rows were actually added or changed. */
const importReplySchema = z.object({ imported: z.object({ submissions: count, drafts: count, notes: count, ratings: count }) });

/** The error text of a JSON API answer ({ error }), else a generic one. */
async function apiError(res: Response): Promise<Text> {
  if (res.status === 413) return { en: 'The file is too large to import.', zh: '文件太大，无法导入。' };
  if (res.status === 401) return { en: 'Sign in to sync your progress.', zh: '请登录以同步进度。' };
  const body: unknown = await res.json().catch(() => null);
  const error = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
  return { en: error, zh: `出错了：${error}` };
}

export function DataCard({ user }: { user: AccountUser }) {
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const exportData = async () => {
    setNotice(null);
    setBusy(true);
    try {
      await flushChanges();
      const res = await fetch('/api/export', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) return setNotice({ tone: 'bad', text: await apiError(res) });
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `lstm-prep-export-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice({ tone: 'ok', text: { en: 'Your data was downloaded as JSON.', zh: '你的数据已下载为 JSON 文件。' } });
    } catch {
      setNotice({ tone: 'bad', text: NETWORK });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    if (file.size > IMPORT_MAX_BYTES) return setNotice({ tone: 'bad', text: { en: 'The file is too large to import (16 MB at most).', zh: '文件太大，无法导入（最多 16 MB）。' } });
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      return setNotice({ tone: 'bad', text: { en: 'This file is not JSON: choose a file exported from LSTM Prep.', zh: '这不是 JSON 文件：请选择从 LSTM Prep 导出的文件。' } });
    }
    setBusy(true);
    try {
      const res = await fetch('/api/import', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: text });
      if (!res.ok) return setNotice({ tone: 'bad', text: await apiError(res) });
      const reply = importReplySchema.safeParse(await res.json().catch(() => null));
      const counts = reply.success ? reply.data.imported : { submissions: 0, drafts: 0, notes: 0, ratings: 0 };
      const n = (k: keyof typeof counts) => counts[k];
      setNotice({
        tone: 'ok',
        text: {
          en: `Imported: ${n('submissions')} submissions, ${n('drafts')} drafts, ${n('notes')} notes, ${n('ratings')} ratings.`,
          zh: `已导入：${n('submissions')} 次提交、${n('drafts')} 份草稿、${n('notes')} 条笔记、${n('ratings')} 次自评。`,
        },
      });
      await resync(user);
    } catch {
      setNotice({ tone: 'bad', text: NETWORK });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="account-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <T en="Your data" zh="你的数据" />
      </h2>
      <p className="muted">
        <T
          en="Export everything (submissions with their code, drafts, notes, ratings) as one JSON file; import such a file back here or into another account — nothing is counted twice."
          zh="把所有数据（提交及其代码、草稿、笔记、自评）导出为一个 JSON 文件；也可以把这样的文件导入回来或导入另一个账户——不会重复计数。"
        />
      </p>
      <div className="account-actions">
        <button type="button" className="button" onClick={exportData} disabled={busy} data-testid="export-data">
          <T en="Export my data" zh="导出我的数据" />
        </button>
        <label className="button file-pick">
          <T en="Import a file…" zh="导入文件…" />
          <input
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="import-file"
          />
        </label>
      </div>
      <Message notice={notice} testId="data-message" />
    </section>
  );
}
