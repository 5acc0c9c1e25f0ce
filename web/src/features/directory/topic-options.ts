import type { Topic } from '../../api/types';

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * Topics for a multiselect: one group per top-level topic, the topic itself first («ЖКХ — вся
 * тематика»), then its sub-topics. Inactive topics are offered only when already chosen.
 */
export function topicOptionGroups(topics: Topic[], wholeLabel: (name: string) => string, keep: string[] = []): OptionGroup[] {
  const usable = (t: Topic) => t.isActive || keep.includes(t.id);
  const tops = topics.filter((t) => !t.parentId);
  return tops
    .filter(usable)
    .map((top) => ({
      group: top.name,
      items: [
        { value: top.id, label: wholeLabel(top.name) },
        ...topics.filter((t) => t.parentId === top.id && usable(t)).map((t) => ({ value: t.id, label: t.name })),
      ],
    }));
}
