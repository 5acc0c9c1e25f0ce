import { stringifySearchWith } from '@tanstack/react-router';

const base = stringifySearchWith(JSON.stringify, JSON.parse);

/**
 * The router's search serialisation: as TanStack's default, except that a list of strings is
 * written as repeated keys (`?status=in_work&status=returned`), the same form the API reads. So a
 * register link is also its API query, and links built elsewhere with repeated keys parse the same
 * (the default parser already turns repeated keys into a list).
 */
export function stringifySearch(search: Record<string, unknown>): string {
  const plain: Record<string, unknown> = {};
  const repeated: [string, string][] = [];
  for (const [key, value] of Object.entries(search)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) for (const v of value) repeated.push([key, v]);
    else plain[key] = value;
  }
  const head = base(plain);
  if (!repeated.length) return head;
  const tail = new URLSearchParams(repeated).toString();
  return head ? `${head}&${tail}` : `?${tail}`;
}
