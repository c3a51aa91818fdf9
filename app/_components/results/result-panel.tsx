'use client';
// The verdict of a Run or Submit, then each test in spec order with its message, numeric detail, output and duration.
import { Fragment } from 'react';
import { verdictText, type GradeResult, type MetricDetail, type TensorDetail, type TestResult } from '@/lib/grader/result';
import { formatNumber } from '@/lib/grader/messages';
import { T } from '../ui/t';

function shapeText(shape: number[] | null): string {
  return shape ? `[${shape.join(', ')}]` : '—';
}

function TensorDetailView({ d }: { d: TensorDetail }) {
  const sameShape = JSON.stringify(d.expectedShape) === JSON.stringify(d.actualShape);
  return (
    <dl className="result-detail">
      {d.path && (
        <>
          <dt><T en="Value" zh="值" /></dt>
          <dd><code>{d.path}</code></dd>
        </>
      )}
      <dt><T en="Shape (expected · yours)" zh="形状（期望 · 你的）" /></dt>
      <dd className={sameShape ? undefined : 'result-bad'}>
        <code>{shapeText(d.expectedShape)}</code> · <code>{shapeText(d.actualShape)}</code>
      </dd>
      {d.worst && (
        <>
          <dt><T en="Worst element" zh="误差最大的元素" /></dt>
          <dd>
            <code>[{d.worst.index.join(', ')}]</code>: <T en="expected" zh="期望" /> <code>{formatNumber(d.worst.expected)}</code>,{' '}
            <T en="yours" zh="你的" /> <code>{formatNumber(d.worst.actual)}</code>, <T en="tolerance" zh="容差" /> <code>{formatNumber(d.worst.tolerance)}</code>
          </dd>
        </>
      )}
      {d.relativeErrorNorm !== null && (
        <>
          <dt><T en="‖yours − expected‖ / ‖expected‖" zh="‖你的 − 期望‖ / ‖期望‖" /></dt>
          <dd><code>{formatNumber(d.relativeErrorNorm)}</code></dd>
        </>
      )}
      {d.nonFinite && (
        <>
          <dt><T en="Non-finite value" zh="非有限值" /></dt>
          <dd><code>{d.nonFinite.value}</code> <T en="at" zh="位于" /> <code>[{d.nonFinite.index.join(', ')}]</code></dd>
        </>
      )}
      {d.gradient && (
        <>
          <dt><T en="Gradient of" zh="梯度对象" /></dt>
          <dd>
            <code>{d.gradient.parameter}</code>
            {d.gradient.gateBlock && (
              <>
                {' '}· <T en="gate block" zh="门分块" /> <code>{d.gradient.gateBlock}</code>
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

function MetricDetailView({ d }: { d: MetricDetail }) {
  return (
    <dl className="result-detail">
      <dt><T en="Metric" zh="指标" /></dt>
      <dd><code>{d.metric}</code> = <code>{d.value === null ? '—' : formatNumber(d.value)}</code></dd>
      <dt><T en={d.direction === 'higher' ? 'Threshold (at least)' : 'Threshold (at most)'} zh={d.direction === 'higher' ? '阈值（至少）' : '阈值（至多）'} /></dt>
      <dd><code>{formatNumber(d.threshold)}</code></dd>
      <dt><T en="Baseline" zh="基线" /></dt>
      <dd><code>{formatNumber(d.baseline)}</code></dd>
      {Object.entries(d.extras).map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd><code>{formatNumber(value)}</code></dd>
        </Fragment>
      ))}
    </dl>
  );
}

function ms(x: number): string {
  return x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`;
}

function TestRow({ test, index }: { test: TestResult; index: number }) {
  return (
    <li className={`result-test result-${test.status}`} data-status={test.status}>
      <div className="result-test-head">
        <span className={`verdict-chip verdict-${test.status}`}>
          <T en={verdictText(test.status, 'en')} zh={verdictText(test.status, 'zh')} />
        </span>
        <span className="result-test-name">
          {index + 1}. {test.name}
          {test.visibility === 'hidden' && (
            <span className="result-hidden">
              {' '}
              (<T en="hidden" zh="隐藏" />)
            </span>
          )}
        </span>
        <span className="result-duration">{ms(test.durationMs)}</span>
      </div>
      {test.status !== 'pass' && (
        <p className="result-message">
          <T en={test.message.en} zh={test.message.zh} />
        </p>
      )}
      {test.detail?.kind === 'tensor' && <TensorDetailView d={test.detail} />}
      {test.detail?.kind === 'metric' && <MetricDetailView d={test.detail} />}
      {test.output && (
        <pre className="result-output" aria-label="console output">
          {test.output}
        </pre>
      )}
    </li>
  );
}

/** The whole result: overall verdict and message, module output, then every test. */
export function ResultPanel({ result }: { result: GradeResult }) {
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  return (
    <section className="result" aria-live="polite" data-verdict={result.verdict}>
      <header className="result-head">
        <h2 className={`verdict verdict-${result.verdict}`} data-testid="verdict">
          <T en={verdictText(result.verdict, 'en')} zh={verdictText(result.verdict, 'zh')} />
        </h2>
        <span className="result-summary">
          {result.tests.length > 0 && (
            <>
              {passed}/{result.tests.length} <T en="tests passed" zh="个测试通过" /> ·{' '}
            </>
          )}
          <T en={result.includesHidden ? 'Submit (all cases)' : 'Run (visible cases)'} zh={result.includesHidden ? '提交（全部用例）' : '运行（可见用例）'} /> ·{' '}
          {ms(result.durationMs)} · {result.backend}
        </span>
      </header>
      <p className="result-message result-overall" data-testid="verdict-message">
        <T en={result.message.en} zh={result.message.zh} />
      </p>
      {result.output && <pre className="result-output">{result.output}</pre>}
      {result.tests.length > 0 && (
        <ol className="result-tests">
          {result.tests.map((t, i) => (
            <TestRow key={`${i}-${t.name}`} test={t} index={i} />
          ))}
        </ol>
      )}
    </section>
  );
}
