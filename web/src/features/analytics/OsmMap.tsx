// Loaded lazily by DistrictMap only when «Подложка OpenStreetMap» is on: with the option off neither
// Leaflet nor a single tile is downloaded.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoCollection, MapData } from './analytics.api';
import { shadeOf } from './scale';

export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export type Points = 'grid' | 'localities' | 'none';

export interface OsmMapProps {
  data: MapData;
  geo: GeoCollection;
  points: Points;
  height: number | string;
  label: string;
  attribution: string;
  /** Tooltip lines of a settlement (the first one bold), of a grid cell, of a locality. */
  settlementTip: (code: string) => string[] | null;
  gridTip: (count: number) => string[];
  localityTip: (name: string, count: number) => string[];
  onSettlement: (code: string) => void;
  onLocality: (id: string) => void;
}

/** Tooltip content as DOM text (never HTML): names come from the data. */
function tip(lines: string[]): HTMLElement {
  const box = document.createElement('div');
  lines.forEach((line, i) => {
    const el = document.createElement(i === 0 ? 'b' : 'div');
    el.textContent = line;
    box.append(el);
  });
  return box;
}

/**
 * The municipality over OpenStreetMap raster tiles (Leaflet): the same settlement polygons coloured
 * by the measure, the same case points and the same clicks as the echarts map.
 */
export default function OsmMap(props: OsmMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const overlay = useRef<L.LayerGroup | null>(null);
  const fitted = useRef<GeoCollection | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const m = L.map(box.current!, { zoomSnap: 0.25, attributionControl: false });
    L.control.attribution({ prefix: false }).addTo(m);
    L.tileLayer(OSM_TILES, {
      maxZoom: 19,
      attribution: `<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">${latest.current.attribution}</a>`,
      // The tile policy asks for a Referer; send the origin only (no paths with filters).
      referrerPolicy: 'strict-origin-when-cross-origin',
    }).addTo(m);
    overlay.current = L.layerGroup().addTo(m);
    map.current = m;
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(box.current!);
    return () => {
      ro.disconnect();
      m.remove();
      map.current = null;
      fitted.current = null;
    };
  }, []);

  const { data, geo, points } = props;
  useEffect(() => {
    const m = map.current;
    const group = overlay.current;
    if (!m || !group) return;
    group.clearLayers();
    const p = () => latest.current;
    const values = new Map(data.settlements.filter((s) => s.code).map((s) => [s.code!, s]));
    const fill = (code: string | undefined) => {
      const s = code ? values.get(code) : undefined;
      return s ? shadeOf(s.count === 0 && data.measure !== 'count' ? null : s.value, data.scale.breaks) : shadeOf(null, []);
    };

    const district = L.geoJSON(geo.features.filter((f) => f.properties.kind !== 'settlement') as never, {
      interactive: false,
      style: { fill: false, color: '#3d4249', weight: 2.2 },
    });
    const settlements = L.geoJSON(geo.features.filter((f) => f.properties.kind === 'settlement') as never, {
      style: (f) => ({ fillColor: fill(f?.properties.code), fillOpacity: 0.62, color: '#4b5058', weight: 1 }),
      onEachFeature: (f, layer) => {
        const code = (f.properties as { code?: string }).code;
        if (!code) return;
        const lines = p().settlementTip(code);
        if (lines) layer.bindTooltip(tip(lines), { sticky: true });
        layer.on('click', () => p().onSettlement(code));
        layer.on('mouseover', () => (layer as L.Path).setStyle({ fillOpacity: 0.8, weight: 2 }));
        layer.on('mouseout', () => (layer as L.Path).setStyle({ fillOpacity: 0.62, weight: 1 }));
      },
    });
    if (fitted.current !== geo) {
      // The view first: Leaflet adds layers to a map without one only later, on its 'load'.
      const bounds = district.getBounds().isValid() ? district.getBounds() : settlements.getBounds();
      m.fitBounds(bounds.isValid() ? bounds : L.latLngBounds([41, 19], [82, 180]), { padding: [8, 8] });
      fitted.current = geo;
    }
    group.addLayer(settlements).addLayer(district);
    settlements.eachLayer((layer) => {
      const code = ((layer as L.GeoJSON).feature as { properties: { code?: string } } | undefined)?.properties.code;
      if (code) (layer as L.Path).getElement()?.setAttribute('data-settlement', code);
    });

    if (points === 'grid') {
      const max = Math.max(1, ...data.grid.cells.map((c) => c.count));
      for (const c of data.grid.cells) {
        L.circleMarker([c.lat, c.lon], { radius: 2 + 7 * Math.sqrt(c.count / max), color: 'rgba(120, 50, 10, 0.8)', weight: 0.5, fillColor: 'rgb(200, 90, 20)', fillOpacity: 0.55, className: 'mcu-grid-point' })
          .bindTooltip(tip(p().gridTip(c.count)))
          .addTo(group);
      }
    } else if (points === 'localities') {
      const max = Math.max(1, ...data.localities.map((l) => l.count));
      for (const l of data.localities) {
        if (l.lat === null || l.lon === null) continue;
        L.circleMarker([l.lat, l.lon], { radius: 2.5 + 8 * Math.sqrt(l.count / max), color: '#2d2f33', weight: 1.2, fillColor: '#fff', fillOpacity: 0.9 })
          .bindTooltip(tip(p().localityTip(l.name, l.count)))
          .on('click', () => p().onLocality(l.id))
          .addTo(group);
      }
    }
  }, [data, geo, points]);

  return <div ref={box} role="region" aria-label={props.label} data-testid="osm-map" style={{ height: props.height, width: '100%', borderRadius: 4 }} />;
}
