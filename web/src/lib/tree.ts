/** Depth-first order of a parent/child list: each parent followed by its children, with depth. */
export function treeOrder<T extends { id: string; parentId: string | null }>(items: T[]): { row: T; depth: number }[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const out: { row: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const item of children.get(parent) ?? []) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push({ row: item, depth });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  for (const item of items) if (!seen.has(item.id)) out.push({ row: item, depth: 0 });
  return out;
}

/** The ids of an item and everything under it (a record cannot be moved under its own child). */
export function descendantsOf<T extends { id: string; parentId: string | null }>(items: T[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && out.has(item.parentId) && !out.has(item.id)) {
        out.add(item.id);
        grew = true;
      }
    }
  }
  return out;
}
