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
