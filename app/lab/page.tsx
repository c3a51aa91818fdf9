// /lab: the glass-box LSTM — every widget on one page, each loaded when scrolled into view.
import type { Metadata } from 'next';
import { LabWidgetSlot } from '@/app/_components/lab/lab-widget-slot';
import { LAB_WIDGETS, WIDGET_TITLES } from '@/app/_components/lab/placement';
import { T } from '@/app/_components/ui/t';

export const metadata: Metadata = { title: 'Lab: inside an LSTM' };

export default function LabPage() {
  return (
    <article className="lab">
      <h1 className="page-title">
        <T en="Lab: inside an LSTM" zh="实验室：LSTM 内部" />
      </h1>
      <p className="muted">
        <T
          en="See what happens inside a recurrent network: every gate at every step, how gradients flow back through time, and why clipping helps. Everything is computed in your browser."
          zh="看看循环网络内部发生了什么：每一步的每个门、梯度如何沿时间反向传播，以及裁剪为什么有用。所有计算都在你的浏览器中完成。"
        />
      </p>
      <nav aria-label="Lab sections">
        <ul className="related">
          {LAB_WIDGETS.map((w) => (
            <li key={w}>
              <a href={`#${w}`}>
                <T {...WIDGET_TITLES[w]} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {LAB_WIDGETS.map((w) => (
        <section key={w} id={w} className="section" aria-labelledby={`${w}-heading`}>
          <h2 id={`${w}-heading`}>
            <T {...WIDGET_TITLES[w]} />
          </h2>
          <LabWidgetSlot widget={w} />
        </section>
      ))}
    </article>
  );
}
