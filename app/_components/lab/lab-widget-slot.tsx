'use client';
// A lab widget's place on a page: a placeholder until it scrolls near the viewport, then the widget's own lazy chunk (tfjs loads in its worker, never in the page's first load).
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { T } from '../ui/t';
import styles from './lab.module.css';
import type { LabWidget } from './placement';

const loading = () => (
  <div className={styles.placeholder}>
    <T en="Loading the widget…" zh="正在加载组件……" />
  </div>
);

const GateInspector = dynamic(() => import('./gate-inspector'), { ssr: false, loading });
const GradientFlowChart = dynamic(() => import('./gradient-flow-chart'), { ssr: false, loading });
const ClippingDemo = dynamic(() => import('./clipping-demo'), { ssr: false, loading });

/** Start loading a little before the slot is visible, so it is ready when the reader gets there. */
const ROOT_MARGIN = '300px 0px';

export function LabWidgetSlot({ widget }: { widget: LabWidget }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true);
        observer.disconnect();
      }
    }, { rootMargin: ROOT_MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  return (
    <div ref={box} data-testid={`lab-slot-${widget}`} data-loaded={near}>
      {!near ? (
        <div className={styles.placeholder} aria-hidden="true" />
      ) : widget === 'gates' ? (
        <GateInspector />
      ) : widget === 'gru-vs-lstm' ? (
        <GateInspector withGru />
      ) : widget === 'gradient-flow' ? (
        <GradientFlowChart />
      ) : (
        <ClippingDemo />
      )}
    </div>
  );
}
