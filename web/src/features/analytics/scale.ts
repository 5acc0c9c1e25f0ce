/** Five calm shades of one hue (light → dark) for the matrix and the map; the same breaks colour both. */
export const SHADES = ['#eef3f9', '#d4e2f1', '#a9c4e3', '#6f9fcf', '#3b73ad'] as const;
export const NO_DATA = '#f4f4f5';

/** The class 0…4 of a value among the quintile breaks the server computed. */
export function shadeIndex(value: number | null, breaks: number[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let i = 0;
  while (i < breaks.length && value > breaks[i]) i++;
  return Math.min(i, SHADES.length - 1);
}

export function shadeOf(value: number | null, breaks: number[]): string {
  const i = shadeIndex(value, breaks);
  return i === null ? NO_DATA : SHADES[i];
}

/** Dark text on light shades, white on the two darkest. */
export function inkOf(value: number | null, breaks: number[]): string {
  const i = shadeIndex(value, breaks);
  return i !== null && i >= 3 ? '#fff' : 'var(--mantine-color-text)';
}

export interface ScaleBounds {
  min: number | null;
  max: number | null;
  breaks: number[];
}

/**
 * The legend's words for the five classes, null for a class no value can fall in. Counts are whole
 * numbers, so their classes read as whole ranges from the smallest to the largest value («0», «1»,
 * «2–4», «5–23»); other measures as «≤ a», «a–b», «> b».
 */
export function classLabels(scale: ScaleBounds, format: (v: number) => string, whole: boolean): (string | null)[] {
  const { min, max, breaks } = scale;
  if (min === null || max === null) return [];
  const bounds = [min, ...breaks, max];
  return SHADES.map((_, i) => {
    if (whole) {
      const lo = i === 0 ? Math.ceil(min) : Math.floor(bounds[i]) + 1;
      const hi = i === SHADES.length - 1 ? Math.floor(max) : Math.min(Math.floor(bounds[i + 1]), Math.floor(max));
      if (lo > hi) return null;
      return lo === hi ? format(lo) : `${format(lo)}–${format(hi)}`;
    }
    if (i === 0) return `≤ ${format(bounds[1])}`;
    if (i === SHADES.length - 1) return bounds[4] === bounds[5] ? null : `> ${format(bounds[4])}`;
    return bounds[i] === bounds[i + 1] ? null : `${format(bounds[i])}–${format(bounds[i + 1])}`;
  });
}
