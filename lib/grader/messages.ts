// Every sentence the grader shows a learner, in English and Chinese, built from numeric findings.
import type { GateBlock, LocalizedText } from './result';
import type { ValueMismatch } from './value-compare';

/** Numbers as people read them: 6 significant digits, exponent for very small or large values. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs < 1e-3 || abs >= 1e6) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

const shape = (s: readonly number[] | null) => (s ? `[${s.join(', ')}]` : '?');
const index = (i: readonly number[]) => `[${i.join(', ')}]`;

/** The gates' names wherever the learner reads them (grader messages, the lab's inspector), as the questions call them. */
export const GATE_NAMES: Record<GateBlock, LocalizedText> = {
  i: { en: 'input gate i', zh: '输入门 i' },
  f: { en: 'forget gate f', zh: '遗忘门 f' },
  g: { en: 'candidate g', zh: '候选值 g' },
  o: { en: 'output gate o', zh: '输出门 o' },
  z: { en: 'update gate z', zh: '更新门 z' },
  r: { en: 'reset gate r', zh: '重置门 r' },
  h: { en: 'candidate state h̃', zh: '候选状态 h̃' },
};

function subject(path: string, gradientOf: string | undefined, gate: GateBlock | null): LocalizedText {
  const where = path === '' ? { en: 'The returned value', zh: '返回值' } : { en: `\`${path}\``, zh: `\`${path}\`` };
  if (!gradientOf) return where;
  const gateText = gate ? { en: `, ${GATE_NAMES[gate].en} block`, zh: `（${GATE_NAMES[gate].zh} 分块）` } : { en: '', zh: '' };
  return { en: `${where.en} (gradient of ${gradientOf}${gateText.en})`, zh: `${where.zh}（${gradientOf} 的梯度${gateText.zh}）` };
}

/** The message for a mismatch between the learner's value and the reference. */
export function mismatchMessage(mismatch: ValueMismatch): LocalizedText {
  if (mismatch.kind === 'structure') {
    const where = mismatch.path === '' ? { en: 'the returned value', zh: '返回值' } : { en: `\`${mismatch.path}\``, zh: `\`${mismatch.path}\`` };
    return {
      en: `Expected ${where.en} to be ${mismatch.expected}, got ${mismatch.actual}.`,
      zh: `${where.zh} 应为 ${mismatch.expected}，实际得到 ${mismatch.actual}。`,
    };
  }
  if (mismatch.kind === 'value') {
    const where = mismatch.path || 'the returned value';
    return { en: `${where}: expected ${mismatch.expected}, got ${mismatch.actual}.`, zh: `${where}：应为 ${mismatch.expected}，实际为 ${mismatch.actual}。` };
  }
  const c = mismatch.comparison;
  const who = subject(mismatch.path, mismatch.rule.gradientOf, c.gateBlock);
  switch (c.outcome) {
    case 'shape':
      return {
        en: `${who.en} has shape ${shape(c.actualShape)}; expected shape ${shape(c.expectedShape)}.`,
        zh: `${who.zh} 的形状是 ${shape(c.actualShape)}，应为 ${shape(c.expectedShape)}。`,
      };
    case 'non-finite': {
      const nf = c.nonFinite!;
      return {
        en: `${who.en} contains ${nf.value} at index ${index(nf.index)} (the first one); the reference is finite there.`,
        zh: `${who.zh} 在索引 ${index(nf.index)} 处出现 ${nf.value}（第一个）；参考答案在此处为有限值。`,
      };
    }
    case 'elementwise': {
      const w = c.worst!;
      const rel = c.relativeErrorNorm === null ? '' : formatNumber(c.relativeErrorNorm);
      if (mismatch.rule.tolerance.kind === 'log') {
        return {
          en: `${who.en} is off by more than ${formatNumber(w.tolerance)} decades: at ${index(w.index)} got ${formatNumber(w.actual)}, expected ${formatNumber(w.expected)}.`,
          zh: `${who.zh} 的数量级偏差超过 ${formatNumber(w.tolerance)}：在 ${index(w.index)} 处得到 ${formatNumber(w.actual)}，应为 ${formatNumber(w.expected)}。`,
        };
      }
      return {
        en: `${who.en} differs from the reference: worst element at ${index(w.index)} is ${formatNumber(w.actual)}, expected ${formatNumber(w.expected)} (tolerance ${formatNumber(w.tolerance)})${rel ? `; relative error norm ${rel}` : ''}.`,
        zh: `${who.zh} 与参考答案不一致：误差最大的元素在 ${index(w.index)}，得到 ${formatNumber(w.actual)}，应为 ${formatNumber(w.expected)}（容差 ${formatNumber(w.tolerance)}）${rel ? `；相对误差范数 ${rel}` : ''}。`,
      };
    }
    case 'norm': {
      const rel = c.relativeErrorNorm === null ? '?' : formatNumber(c.relativeErrorNorm);
      return {
        en: `${who.en} is close element by element, but its overall error is too large: ‖got − expected‖ / ‖expected‖ = ${rel}.`,
        zh: `${who.zh} 逐元素接近，但整体误差过大：‖实际 − 参考‖ / ‖参考‖ = ${rel}。`,
      };
    }
    default:
      return { en: `${who.en} matches.`, zh: `${who.zh} 正确。` };
  }
}

/** Appended when a known mistake's broken reference matches the learner's output. */
export function withMistake(base: LocalizedText, mistake: LocalizedText): LocalizedText {
  return { en: `${base.en} This matches a common mistake: ${mistake.en}`, zh: `${base.zh} 这与一个常见错误相符：${mistake.zh}` };
}

/** Where a thrown error happened, for messages. */
function at(line: number | null): LocalizedText {
  return line ? { en: ` (line ${line})`, zh: `（第 ${line} 行）` } : { en: '', zh: '' };
}

/** Every other per-test and overall message. */
export const MESSAGES = {
  passed: (): LocalizedText => ({ en: 'Matches the reference.', zh: '与参考答案一致。' }),
  checkHolds: (): LocalizedText => ({ en: 'Has everything this test checks for.', zh: '满足本测试检查的全部要求。' }),
  threw: (name: string, message: string, line: number | null): LocalizedText => ({
    en: `${name}: ${message}${at(line).en}`,
    zh: `${name}：${message}${at(line).zh}`,
  }),
  moduleThrew: (name: string, message: string, line: number | null): LocalizedText => ({
    en: `Your module threw while loading${at(line).en}: ${name}: ${message}`,
    zh: `加载你的模块时抛出异常${at(line).zh}：${name}：${message}`,
  }),
  notRunModule: (): LocalizedText => ({ en: 'Not run: the module failed to load.', zh: '未运行：模块加载失败。' }),
  timedOut: (budgetMs: number): LocalizedText => ({
    en: `Time limit of ${budgetMs} ms exceeded: the worker was stopped while this test ran (an endless loop, or a promise that never settles?).`,
    zh: `超出 ${budgetMs} 毫秒的时间限制：运行此测试时工作线程被终止（是否有死循环或永不完成的 Promise？）。`,
  }),
  notRunTimeout: (): LocalizedText => ({ en: 'Not run: the time limit was used up by an earlier test.', zh: '未运行：时间限制已被之前的测试用完。' }),
  memory: (memoryMb: number): LocalizedText => ({
    en: `memory limit of ${memoryMb} MB exceeded`,
    zh: `超出 ${memoryMb} MB 的内存限制`,
  }),
  notRunCrash: (): LocalizedText => ({ en: 'Not run: the worker stopped earlier.', zh: '未运行：工作线程已提前停止。' }),
  crashed: (detail: string): LocalizedText => ({ en: `The grader could not finish: ${detail}.`, zh: `评测未能完成：${detail}。` }),
  compileFailed: (details: string): LocalizedText => ({
    en: `Your code does not compile:\n${details}`,
    zh: `代码无法编译：\n${details}`,
  }),
  metric: (metric: string, value: number, threshold: number, baseline: number, direction: 'higher' | 'lower', ok: boolean): LocalizedText => {
    const cmp = direction === 'higher' ? (ok ? '≥' : '<') : ok ? '≤' : '>';
    return {
      en: `${metric} = ${formatNumber(value)} ${cmp} threshold ${formatNumber(threshold)} (the baseline scores ${formatNumber(baseline)}).`,
      zh: `${metric} = ${formatNumber(value)} ${cmp} 阈值 ${formatNumber(threshold)}（基线的得分为 ${formatNumber(baseline)}）。`,
    };
  },
  metricUnscorable: (metric: string, reason: string): LocalizedText => ({
    en: `Could not compute ${metric} from the returned value: ${reason}`,
    zh: `无法根据返回值计算 ${metric}：${reason}`,
  }),
  overall: {
    pass: (n: number): LocalizedText => ({ en: `All ${n} tests passed.`, zh: `全部 ${n} 个测试通过。` }),
    fail: (failed: number, n: number): LocalizedText => ({ en: `${failed} of ${n} tests failed.`, zh: `${n} 个测试中有 ${failed} 个未通过。` }),
    error: (first: LocalizedText): LocalizedText => ({ en: `Your code raised an error. ${first.en}`, zh: `代码运行出错。${first.zh}` }),
  },
};
