import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recipientsQuery, topicsQuery } from '../directory/directory.api';
import { topicOptionGroups } from '../directory/topic-options';
import { territoryQuery } from '../territory/territory.api';

/** Names and select options of topics, settlements and recipients for the classify screens. */
export function useClassifyNames() {
  const { t } = useTranslation();
  const topics = useQuery(topicsQuery);
  const territory = useQuery(territoryQuery);
  const recipients = useQuery(recipientsQuery);
  return useMemo(() => {
    const topicList = topics.data?.items ?? [];
    const byId = new Map(topicList.map((x) => [x.id, x]));
    const topicName = (id: string | null | undefined) => {
      const x = id ? byId.get(id) : undefined;
      if (!x) return '';
      const parent = x.parentId ? byId.get(x.parentId) : undefined;
      return parent ? `${parent.name} › ${x.name}` : x.name;
    };
    const settlementList = territory.data?.settlements ?? [];
    const settlementName = new Map(settlementList.map((s) => [s.id, s.name]));
    const recipientList = recipients.data ?? [];
    const recipientName = new Map(recipientList.map((r) => [r.id, r.shortName || r.name]));
    return {
      ready: Boolean(topics.data && territory.data && recipients.data),
      topicName,
      topicParent: (id: string) => byId.get(id)?.parentId ?? id,
      topLevel: topicList.filter((x) => !x.parentId),
      settlementName,
      recipientName,
      topicOptions: (keep: string[] = []) => topicOptionGroups(topicList, (name) => t('classify.wholeTopic', { name }), keep),
      settlementOptions: settlementList.filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name })),
      recipientOptions: (keep: string | null = null) => recipientList.filter((r) => r.isActive || r.id === keep).map((r) => ({ value: r.id, label: r.name })),
      settlements: settlementList,
    };
  }, [t, topics.data, territory.data, recipients.data]);
}
