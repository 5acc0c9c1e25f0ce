import { addDaysIso, localDate } from '../../../../../domain/time/zoned';
import type { Topics } from '../../../api/types';

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The topic filter grouped by block: the whole block first (`b:<id>`, the API's blockId), then each
 * topic and its sub-topics (`t:<id>`, the API's topicId — it matches a topic or a sub-topic).
 */
export function topicFilterGroups(topics: Topics | undefined, wholeBlock: (name: string) => string, noBlock: string): OptionGroup[] {
  if (!topics) return [];
  const tops = topics.items.filter((x) => !x.parentId && x.isActive);
  const subsOf = (id: string) => topics.items.filter((x) => x.parentId === id && x.isActive);
  const topicItems = (list: typeof tops) =>
    list.flatMap((top) => [{ value: `t:${top.id}`, label: top.name }, ...subsOf(top.id).map((s) => ({ value: `t:${s.id}`, label: `${top.name} › ${s.name}` }))]);
  const groups: OptionGroup[] = topics.blocks
    .filter((b) => b.isActive)
    .map((b) => ({ group: b.name, items: [{ value: `b:${b.id}`, label: wholeBlock(b.name) }, ...topicItems(tops.filter((x) => x.blockId === b.id))] }));
  const orphans = tops.filter((x) => !x.blockId || !topics.blocks.some((b) => b.id === x.blockId && b.isActive));
  if (orphans.length) groups.push({ group: noBlock, items: topicItems(orphans) });
  return groups;
}

/** The topic filter's value from the URL: the block or the topic. */
export function topicFilterValue(s: { blockId?: string; topicId?: string }): string | null {
  return s.topicId ? `t:${s.topicId}` : s.blockId ? `b:${s.blockId}` : null;
}

export function topicFilterPatch(value: string | null): { blockId?: string; topicId?: string } {
  if (!value) return { blockId: undefined, topicId: undefined };
  return value.startsWith('b:') ? { blockId: value.slice(2), topicId: undefined } : { topicId: value.slice(2), blockId: undefined };
}

/** Quick periods of the «Период» picker, counted in the tenant's days. */
export function periodPresets(timeZone: string): { key: 'today' | 'week' | 'month' | 'year'; value: [string, string] }[] {
  const today = localDate(new Date(), timeZone);
  return [
    { key: 'today', value: [today, today] },
    { key: 'week', value: [addDaysIso(today, -6), today] },
    { key: 'month', value: [addDaysIso(today, -29), today] },
    { key: 'year', value: [`${today.slice(0, 4)}-01-01`, today] },
  ];
}
