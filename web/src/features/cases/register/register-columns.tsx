import { useMemo, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataTableColumn } from '../../../components/DataTable';
import { formatDateTime } from '../../../lib/format';
import { recipientsQuery } from '../../directory/directory.api';
import { listName, useChannelLabel } from '../labels';
import { DueCell, RatingMark, StatusBadge } from '../CaseBadges';
import type { CaseListItem } from '../case-types';
import classes from './register.module.css';

/** A cell of two lines, each cut with an ellipsis and shown in full on hover. */
function Lines({ main, sub, full, subFull }: { main: ReactNode; sub?: ReactNode; full?: string | null; subFull?: string | null }) {
  return (
    <div className={classes.lines}>
      <div className={classes.line} data-trunc="" data-full={full || undefined}>
        {main}
      </div>
      {sub !== undefined && sub !== null && sub !== '' && (
        <div className={classes.sub} data-trunc="" data-full={subFull || undefined}>
          {sub}
        </div>
      )}
    </div>
  );
}

/**
 * The register's columns. On a wide screen one line per case; below 1600 px two lines (number over
 * date, topic over sub-topic, text over address, recipient over executor, date over deadline
 * state), so the text keeps room and nothing scrolls sideways at 1366 px.
 */
export function useRegisterColumns(timeZone: string): DataTableColumn<CaseListItem>[] {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 1600px)', true, { getInitialValueInEffect: false });
  const recipients = useQuery(recipientsQuery);
  const channelLabel = useChannelLabel();
  const shortName = useMemo(() => new Map((recipients.data ?? []).map((r) => [r.id, listName(r)])), [recipients.data]);

  return useMemo<DataTableColumn<CaseListItem>[]>(() => {
    const dim = (text: string) => (
      <Text span size="sm" c="dimmed">
        {text}
      </Text>
    );
    const recipient = (r: CaseListItem) => (r.recipientId ? (shortName.get(r.recipientId) ?? (r.recipientName && listName({ name: r.recipientName }))) : null);
    const topic = (r: CaseListItem) => [r.topicName, r.subtopicName].filter(Boolean).join(' › ') || null;
    const channel = (r: CaseListItem) => `${channelLabel(r.channel)} · ${t(`regime.${r.regime}`)}`;
    const number: DataTableColumn<CaseListItem> = wide
      ? { key: 'number', header: t('register.col.number'), width: 104, value: (r) => r.number, render: (r) => <span className="tabular">{r.number}</span> }
      : {
          key: 'received',
          header: t('register.col.numberReceived'),
          width: 114,
          sortable: true,
          value: (r) => r.number,
          searchText: (r) => formatDateTime(r.receivedAt, timeZone),
          render: (r) => <Lines main={<span className="tabular">{r.number}</span>} sub={<span className="tabular">{formatDateTime(r.receivedAt, timeZone)}</span>} />,
        };
    const columns: (DataTableColumn<CaseListItem> | null)[] = [
      number,
      wide ? { key: 'received', header: t('register.col.received'), width: 128, sortable: true, value: (r) => formatDateTime(r.receivedAt, timeZone), render: (r) => <span className="tabular">{formatDateTime(r.receivedAt, timeZone)}</span> } : null,
      {
        key: 'channel',
        header: t('register.col.channel'),
        width: 84,
        value: (r) => channelLabel(r.channel, true),
        tooltip: channel,
        render: (r) => (wide ? channelLabel(r.channel, true) : <Lines main={channelLabel(r.channel, true)} sub={r.regime === 'FZ59' ? t('regimeShort.FZ59') : null} full={channel(r)} />),
      },
      {
        key: 'topic',
        header: t('register.col.topic'),
        width: wide ? '14%' : '11%',
        value: topic,
        render: (r) => (!r.topicName ? dim(t('register.noTopic')) : wide ? (r.subtopicName ?? r.topicName) : <Lines main={r.topicName} sub={r.subtopicName} />),
      },
      {
        key: 'text',
        header: t('register.col.text'),
        value: (r) => r.text,
        searchText: (r) => r.address,
        tooltip: (r) => (r.address ? `${r.text}\n${r.address}` : r.text),
        render: (r) => (wide ? r.text : <Lines main={r.text} full={r.text} sub={r.address} />),
      },
      { key: 'settlement', header: t('register.col.settlement'), width: '9%', value: (r) => r.settlementName },
      {
        key: 'recipient',
        header: t('register.col.recipient'),
        width: wide ? '13%' : '12%',
        value: recipient,
        tooltip: (r) => [r.recipientName, r.executorName].filter(Boolean).join(' — '),
        render: (r) => {
          const name = recipient(r);
          if (!name) return dim(t('register.notAssigned'));
          return wide ? name : <Lines main={name} full={r.recipientName} sub={r.executorName} />;
        },
      },
      {
        key: 'due',
        header: t('register.col.due'),
        width: wide ? 182 : 112,
        sortable: true,
        value: (r) => r.answerDue,
        tooltip: () => null,
        render: (r) => <DueCell due={r.answerDue} state={r.deadlineState} answeredAt={r.answeredAt} timeZone={timeZone} stacked={!wide} />,
      },
      { key: 'status', header: t('register.col.status'), width: wide ? 164 : 130, value: (r) => t(`caseStatus.${r.status}`), render: (r) => <StatusBadge status={r.status} wrap={!wide} /> },
      { key: 'rating', header: t('register.col.rating'), width: 72, value: (r) => r.rating, render: (r) => <RatingMark rating={r.rating} /> },
    ];
    return columns.filter((c): c is DataTableColumn<CaseListItem> => c !== null);
  }, [t, timeZone, channelLabel, shortName, wide]);
}
