import { useEffect, useRef, useState } from 'react';
import { Loader } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';

type Core = typeof import('./echarts-core');
let loading: Promise<Core> | null = null;
const loadCore = () => (loading ??= import('./echarts-core'));
/** Fetch echarts ahead of need (the OSM map falls back to it when the browser goes offline). */
export const preloadECharts = (): void => void loadCore().catch(() => undefined);

export interface EChartClick {
  seriesIndex?: number;
  name?: string;
  data?: unknown;
}

interface EChartProps {
  option: EChartsCoreOption;
  height: number | string;
  /** GeoJSON maps to register before drawing (name → FeatureCollection). */
  maps?: Record<string, unknown>;
  onClick?: (e: EChartClick) => void;
  /** Accessible description of the picture (the same numbers are in the tables next to it). */
  label: string;
}

/** An echarts picture (SVG renderer), resized with its box; echarts itself is loaded on first use. */
export function EChart({ option, height, maps, onClick, label }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Core['echarts']['init']> | null>(null);
  const [core, setCore] = useState<Core | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    let alive = true;
    loadCore()
      .then((c) => alive && setCore(() => c))
      .catch((e: unknown) => console.error('echarts', e));
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!core || !ref.current) return;
    const c = core.echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as EChartClick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [core]);

  useEffect(() => {
    if (!core || !chart.current) return;
    for (const [name, geo] of Object.entries(maps ?? {})) core.echarts.registerMap(name, geo as Parameters<Core['echarts']['registerMap']>[1]);
    chart.current.setOption(option, { notMerge: true });
  }, [core, option, maps]);

  return (
    <div role="img" aria-label={label} style={{ position: 'relative', height, width: '100%' }}>
      <div ref={ref} style={{ position: 'absolute', inset: 0 }} />
      {!core && <Loader size="sm" style={{ position: 'absolute', top: '45%', left: '48%' }} />}
    </div>
  );
}
