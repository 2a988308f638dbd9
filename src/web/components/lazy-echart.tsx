import { lazy, Suspense } from 'react';
import type { EChartProps } from './echart.tsx';

// ECharts weighs about as much as the rest of a page: it loads after the page, which shows its
// figures (the tables beside each chart) without waiting for it. A static import of echart.tsx
// anywhere would pull ECharts into that page's chunk again.
const EChart = lazy(() => import('./echart.tsx').then((module) => ({ default: module.EChart })));

/** A chart that loads ECharts on first use; its box keeps its height meanwhile, so nothing jumps. */
export function LazyEChart(props: EChartProps) {
  return (
    <Suspense fallback={<div style={{ width: '100%', height: props.height }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
