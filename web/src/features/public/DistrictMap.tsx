import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';

interface Geometry {
  type: string;
  coordinates: unknown;
}
export interface DistrictTerritory {
  boundary: { type: 'FeatureCollection'; features: { geometry: Geometry | null; properties?: Record<string, unknown> }[] };
  localities: { id: string; name: string; type: string; lat: number | null; lon: number | null }[];
}

const W = 600;
const H = 420;
const PAD = 12;

/** Every [lon, lat] pair of a GeoJSON geometry's coordinates. */
function pairs(v: unknown, out: [number, number][] = []): [number, number][] {
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') out.push([v[0], v[1]]);
  else if (Array.isArray(v)) for (const x of v) pairs(x, out);
  return out;
}

/** The rings (outer and holes) of a Polygon or MultiPolygon. */
function rings(g: Geometry | null): [number, number][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return (g.coordinates as [number, number][][]) ?? [];
  if (g.type === 'MultiPolygon') return ((g.coordinates as [number, number][][][]) ?? []).flat();
  return [];
}

/**
 * The district drawn as SVG from its GeoJSON boundary (no tile server): settlements' localities as
 * dots with names; a click (or Enter, then the arrows) sets the point of the message.
 */
export function DistrictMap({ territory, point, onPoint, label }: { territory: DistrictTerritory; point: { lat: number; lon: number } | null; onPoint: (p: { lat: number; lon: number } | null) => void; label: string }) {
  const geo = useMemo(() => {
    const all = territory.boundary.features.flatMap((f) => pairs(f.geometry?.coordinates));
    for (const l of territory.localities) if (l.lat != null && l.lon != null) all.push([l.lon, l.lat]);
    if (!all.length) return null;
    const minX = Math.min(...all.map((p) => p[0]));
    const maxX = Math.max(...all.map((p) => p[0]));
    const minY = Math.min(...all.map((p) => p[1]));
    const maxY = Math.max(...all.map((p) => p[1]));
    const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
    const sx = (W - 2 * PAD) / Math.max((maxX - minX) * k, 1e-9);
    const sy = (H - 2 * PAD) / Math.max(maxY - minY, 1e-9);
    const s = Math.min(sx, sy);
    const ox = (W - (maxX - minX) * k * s) / 2;
    const oy = (H - (maxY - minY) * s) / 2;
    const toXY = (lon: number, lat: number): [number, number] => [ox + (lon - minX) * k * s, oy + (maxY - lat) * s];
    const toLL = (x: number, y: number) => ({ lon: minX + (x - ox) / (k * s), lat: maxY - (y - oy) / s });
    const paths = territory.boundary.features.map((f) => rings(f.geometry).map((r) => r.map((p, i) => `${i ? 'L' : 'M'}${toXY(p[0], p[1]).map((n) => n.toFixed(1)).join(',')}`).join('') + 'Z').join(''));
    return { toXY, toLL, paths, step: (maxY - minY) / 100 };
  }, [territory]);
  if (!geo) return null;

  const click = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const ll = geo.toLL(((e.clientX - r.left) / r.width) * W, ((e.clientY - r.top) / r.height) * H);
    onPoint({ lat: Math.round(ll.lat * 1e6) / 1e6, lon: Math.round(ll.lon * 1e6) / 1e6 });
  };
  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    const base = point ?? geo.toLL(W / 2, H / 2);
    const d = geo.step;
    const move: Record<string, [number, number]> = { ArrowUp: [d, 0], ArrowDown: [-d, 0], ArrowLeft: [0, -d], ArrowRight: [0, d] };
    if (move[e.key]) {
      e.preventDefault();
      onPoint({ lat: Math.round((base.lat + move[e.key][0]) * 1e6) / 1e6, lon: Math.round((base.lon + move[e.key][1]) * 1e6) / 1e6 });
    } else if (e.key === 'Enter' && !point) {
      e.preventDefault();
      onPoint({ lat: Math.round(base.lat * 1e6) / 1e6, lon: Math.round(base.lon * 1e6) / 1e6 });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onPoint(null);
    }
  };
  const marker = point ? geo.toXY(point.lon, point.lat) : null;
  const big = territory.localities.filter((l) => l.lat != null && l.type !== 'хутор');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="application"
      aria-label={label}
      tabIndex={0}
      onClick={click}
      onKeyDown={key}
      data-testid="district-map"
      style={{ width: '100%', height: 'auto', maxHeight: 420, background: '#f4f7fa', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, cursor: 'crosshair', display: 'block' }}
    >
      {geo.paths.map((d, i) => (
        <path key={i} d={d} fill="#e3ecf3" stroke="#4a6f8f" strokeWidth={1.5} fillRule="evenodd" />
      ))}
      {territory.localities.map((l) => {
        if (l.lat == null || l.lon == null) return null;
        const [x, y] = geo.toXY(l.lon, l.lat);
        return <circle key={l.id} cx={x} cy={y} r={2.2} fill="#6b7c8c" />;
      })}
      {big.length <= 80 &&
        big.map((l) => {
          const [x, y] = geo.toXY(l.lon!, l.lat!);
          return (
            <text key={`t${l.id}`} x={x + 4} y={y - 3} fontSize={10} fill="#4b5a68" style={{ pointerEvents: 'none' }}>
              {l.name}
            </text>
          );
        })}
      {marker && (
        <g style={{ pointerEvents: 'none' }}>
          <circle cx={marker[0]} cy={marker[1]} r={9} fill="rgba(200,40,40,0.25)" />
          <circle cx={marker[0]} cy={marker[1]} r={4.5} fill="#c62828" stroke="#fff" strokeWidth={1.5} />
        </g>
      )}
    </svg>
  );
}
