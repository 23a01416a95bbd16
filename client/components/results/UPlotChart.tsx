/**
 * A uPlot chart (grouped bars or lines) that fits its container. uPlot and its stylesheet are
 * fetched the first time a chart renders, so no page pays for them before it shows one. The
 * canvas is hidden from assistive technology: every chart is followed by a table of the same
 * figures (ChartTable).
 */
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  /** A CSS colour (the console's --rcs / --sms tokens are read by the caller). */
  color: string;
  values: number[];
}

export interface ChartProps {
  kind: 'bars' | 'lines';
  /** Category labels (bars) or days (lines), and what they are (the legend's first entry). */
  x: string[];
  xLabel: string;
  series: ChartSeries[];
  height?: number;
  /** Formats a value on the y axis. */
  format?: (n: number) => string;
}

let stylesheet = false;
function loadStylesheet(): void {
  if (stylesheet) return;
  stylesheet = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/assets/uplot.css';
  document.head.appendChild(link);
}

function options(U: typeof uPlot, p: ChartProps, width: number): uPlot.Options {
  const bars = p.kind === 'bars';
  const n = p.series.length;
  const fmt = p.format ?? ((v: number) => v.toLocaleString());
  // About eight labels on the x axis, whatever the number of days.
  const step = Math.max(1, Math.ceil(p.x.length / 8));
  return {
    width,
    height: p.height ?? 220,
    legend: { show: true },
    cursor: { drag: { x: false, y: false }, points: { show: !bars } },
    scales: {
      x: { time: false, range: bars ? [-0.5, p.x.length - 0.5] : undefined },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      {
        splits: () => p.x.map((_, i) => i).filter((i) => i % step === 0),
        values: (_u, splits) => splits.map((i) => p.x[i] ?? ''),
        grid: { show: false },
        stroke: '#52525b',
      },
      { values: (_u, splits) => splits.map(fmt), size: 64, stroke: '#52525b', grid: { stroke: '#e6e6ea' } },
    ],
    series: [
      { label: p.xLabel, value: (_u, i) => (i == null ? '' : (p.x[i] ?? '')) },
      ...p.series.map(
        (s, i): uPlot.Series => ({
          label: s.label,
          stroke: s.color,
          fill: bars ? s.color : undefined,
          width: bars ? 0 : 2,
          value: (_u, v) => (v == null ? '–' : fmt(v)),
          paths: bars ? U.paths.bars?.({ size: [0.8 / n, 64], align: n === 1 ? 0 : i < n / 2 ? -1 : 1, gap: 2 }) : U.paths.linear?.(),
          points: { show: !bars, size: 5, fill: s.color },
        }),
      ),
    ],
  };
}

export function UPlotChart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    const observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height: props.height ?? 220 }));
    loadStylesheet();
    void import('uplot').then(({ default: U }) => {
      if (cancelled) return;
      const data: uPlot.AlignedData = [props.x.map((_, i) => i), ...props.series.map((s) => s.values)];
      chart = new U(options(U, props, el.clientWidth || 600), data, el);
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [props.kind, props.x.join(), props.series.map((s) => `${s.label}:${s.values.join()}`).join('|'), props.height]);
  return <div class="chart" ref={box} aria-hidden="true" />;
}
