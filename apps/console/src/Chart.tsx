import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only what the console draws: keeps the bundle small (Chart.js tree-shakes per controller).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed'];

export interface Series {
  label: string;
  values: number[];
}

/**
 * A canvas chart with a text equivalent: the label names every value, so screen readers (and the
 * browser test) read what the bars show. Decimal strings become numbers only here, for drawing.
 */
export function ChartView({ kind, title, labels, series }: { kind: 'bar' | 'line'; title: string; labels: string[]; series: Series[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  // One chart per canvas and kind; React's StrictMode mounts twice, so the cleanup must forget it.
  useEffect(() => {
    const c = new Chart(canvas.current!, {
      type: kind,
      data: { labels: [], datasets: [] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [kind]);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data = {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLORS[i % COLORS.length], borderColor: COLORS[i % COLORS.length] })),
    };
    c.update('none');
  }, [kind, labels, series]);
  const text = `${title}: ${labels.map((l, i) => `${l} ${series.map((s) => `${s.label} ${s.values[i]}`).join(', ')}`).join('; ')}`;
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={text} data-testid={`chart-${title}`} />
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
