import { useMemo, useState } from 'react';
import { Badge, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { Fill } from '../../components/Page';
import { formatDateTime } from '../../lib/format';
import { useCan, useTimeZone } from '../auth/session';
import { territoryQuery } from '../territory/territory.api';
import { NoticeForm } from './NoticeForm';
import { noticesQuery, type NoticeRow } from './engagement.api';

const stateOf = (n: NoticeRow, now: number) => (Date.parse(n.publishAt) > now ? 'planned' : Date.parse(n.validUntil) <= now ? 'expired' : 'active');

/** «Информирование»: materials for residents of chosen settlements, and where each was published. */
export function NoticesTab() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const canManage = useCan()('engagement.manage');
  const notices = useQuery(noticesQuery);
  const territory = useQuery(territoryQuery);
  const [target, setTarget] = useState<NoticeRow | 'new' | null>(null);
  const current = target && target !== 'new' ? (notices.data?.find((n) => n.id === target.id) ?? target) : target;
  const names = useMemo(() => new Map((territory.data?.settlements ?? []).map((s) => [s.id, s.name])), [territory.data]);
  const now = Date.now();

  const columns = useMemo<DataTableColumn<NoticeRow>[]>(
    () => [
      { key: 'title', header: t('engagement.notices.col.title'), value: (n) => n.title, searchText: (n) => n.audience },
      { key: 'settlements', header: t('engagement.notices.col.settlements'), width: '22%', value: (n) => n.settlementIds.map((id) => names.get(id) ?? '…').join(', ') },
      { key: 'publishAt', header: t('engagement.notices.col.publishAt'), width: 130, value: (n) => n.publishAt, render: (n) => formatDateTime(n.publishAt, tz) },
      { key: 'validUntil', header: t('engagement.notices.col.validUntil'), width: 130, value: (n) => n.validUntil, render: (n) => formatDateTime(n.validUntil, tz) },
      {
        key: 'state',
        header: t('engagement.notices.col.state'),
        width: 110,
        value: (n) => t(`engagement.notices.state.${stateOf(n, now)}`),
        render: (n) => {
          const s = stateOf(n, now);
          return <Badge size="sm" variant="light" tt="none" color={s === 'active' ? 'green' : s === 'planned' ? 'blue' : 'gray'}>{t(`engagement.notices.state.${s}`)}</Badge>;
        },
      },
      {
        key: 'published',
        header: t('engagement.notices.col.published'),
        width: '22%',
        value: (n) => n.publications.map((p) => t(`engagement.notices.channel.${p.channel}`)).join(', '),
        render: (n) => (
          <Group gap={4} wrap="nowrap">
            {n.publications.map((p) => <Badge key={p.channel} size="xs" variant="light" tt="none">{t(`engagement.notices.channel.${p.channel}`)}</Badge>)}
          </Group>
        ),
      },
    ],
    [t, tz, names, now],
  );

  return (
    <Fill gap="xs">
      <DataTable
        label={t('engagement.notices.label')}
        rows={notices.data}
        columns={columns}
        rowKey={(n) => n.id}
        onOpen={setTarget}
        loading={notices.isLoading}
        error={notices.error}
        onRetry={() => void notices.refetch()}
        toolbar={canManage && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setTarget('new')}>{t('engagement.notices.add')}</Button>}
      />
      <NoticeForm target={current} readOnly={!canManage} onClose={() => setTarget(null)} />
    </Fill>
  );
}
