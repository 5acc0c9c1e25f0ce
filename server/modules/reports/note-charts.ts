import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { NoteContent } from './note-content';
import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(FONT_DIR, f));
const FONT = 'DejaVu Sans';

/** Chart sizes in CSS pixels; the PNG is rendered at twice the size for print. */
export const CHART_SIZE = { trend: { width: 600, height: 280 }, heatmap: { width: 600, height: 400 } } as const;

/** An echarts option rendered to SVG on the server, then to PNG with bundled fonts (the same on every machine). */
function render(option: echarts.EChartsOption, width: number, height: number): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, backgroundColor: '#ffffff', ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT } }).render();
  return png.asPng();
}

const shortDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

/** Weekly intake over the last weeks, the note's week highlighted. */
export function trendChart(c: NoteContent): Buffer {
  const { width, height } = CHART_SIZE.trend;
  const last = c.trend.length - 1;
  return render(
    {
      grid: { left: 56, right: 16, top: 32, bottom: 40 },
      xAxis: { type: 'category', data: c.trend.map((w) => shortDate(w.from)), axisLabel: { fontSize: 12, color: '#333' } },
      yAxis: { type: 'value', name: reportsCatalogue.reportNote.trendAxis, nameTextStyle: { fontSize: 11, color: '#333', align: 'left' }, minInterval: 1, axisLabel: { fontSize: 12, color: '#333' }, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      series: [
        {
          type: 'bar',
          data: c.trend.map((w, i) => ({ value: w.count, itemStyle: { color: i === last ? '#1c4f8a' : '#8fb3d9' } })),
          label: { show: true, position: 'top', fontSize: 11, color: '#333' },
          barMaxWidth: 32,
        },
      ],
    },
    width,
    height,
  );
}

/** Topics × settlements of the period (the biggest), colour by count, the count in each cell. */
export function heatmapChart(c: NoteContent): Buffer {
  const { width, height } = CHART_SIZE.heatmap;
  const h = c.heatmap;
  const data: [number, number, number][] = [];
  h.values.forEach((row, i) => row.forEach((v, j) => data.push([j, i, v])));
  const max = Math.max(1, ...data.map((d) => d[2]));
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return render(
    {
      grid: { left: 180, right: 12, top: 8, bottom: 100 },
      xAxis: { type: 'category', data: h.cols.map((x) => cut(x, 20)), axisLabel: { rotate: 40, fontSize: 11, color: '#333', interval: 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: h.rows.map((x) => cut(x, 26)), inverse: true, axisLabel: { fontSize: 11, color: '#333', interval: 0 }, splitArea: { show: true } },
      visualMap: { show: false, min: 0, max, inRange: { color: ['#f4f8fc', '#9ec3e6', '#2b6cb0', '#1a365d'] } },
      series: [{ type: 'heatmap', data, label: { show: true, fontSize: 11, formatter: (p: unknown) => String(((p as { value: number[] }).value[2] || '')) } }],
    },
    width,
    height,
  );
}

export function chartPng(c: NoteContent, chart: 'trend' | 'heatmap'): Buffer {
  return chart === 'trend' ? trendChart(c) : heatmapChart(c);
}
