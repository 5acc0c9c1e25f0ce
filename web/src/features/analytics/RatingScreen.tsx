import { useMemo } from 'react';
import { Badge, Group, Select, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { channelsQuery } from '../cases/cases.api';
import { topicsQuery } from '../directory/directory.api';
import { useTimeZone } from '../auth/session';
import { addDaysIso, localDate } from '../../../../domain/time/zoned';
import { ratingQuery, type PartScore, type RatingItem, type RatingPart, type RecipientRating } from './analytics.api';
import { formatRange, formatValue, type Tr } from './format';
import { RegisterLink } from './RegisterLink';
import { formatNumber } from '../../lib/format';

export interface RatingSearch {
  from?: string;
  to?: string;
  regime?: 'FZ59' | 'MESSAGE';
  channel?: string;
  blockId?: string;
}

/** A part's shrunk share, with its raw k of n in the tooltip. */
export function partCell(p: PartScore | undefined, t: Tr) {
  if (!p) return '—';
  return (
    <span title={t('analytics.rating.partTip', { k: p.k, n: p.n, raw: formatValue('share', p.raw), prior: formatValue('share', p.prior) })}>
      {formatValue('share', p.shrunk)}
      <Text span size="xs" c="dimmed">
        {' '}
        ({formatNumber(p.k)}/{formatNumber(p.n)})
      </Text>
    </span>
  );
}

export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return null;
  if (change === 0) return <Text span size="xs" c="dimmed" aria-label={t('analytics.rating.same')}>=</Text>;
  const Icon = change > 0 ? IconArrowUp : IconArrowDown;
  const label = t(change > 0 ? 'analytics.rating.up' : 'analytics.rating.down', { n: Math.abs(change) });
  return (
    <Text span size="xs" c="dimmed" title={label} aria-label={label} style={{ display: 'inline-flex', alignItems: 'center' }}>
      <Icon size={11} aria-hidden />
      {Math.abs(change)}
    </Text>
  );
}

/** Columns shared by the recipients' and the municipalities' ratings. */
export function ratingColumns<T extends RatingItem>(t: Tr, name: DataTableColumn<T>, count: (r: T) => React.ReactNode): DataTableColumn<T>[] {
  const part = (p: RatingPart): DataTableColumn<T> => ({
    key: p,
    header: t(`analytics.rating.part.${p}`),
    value: (r) => r.parts[p]?.shrunk ?? null,
    render: (r) => partCell(r.parts[p], t),
    width: 130,
    align: 'right',
  });
  return [
    {
      key: 'rank',
      header: t('analytics.rating.col.rank'),
      value: (r) => r.rank ?? 9999,
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <b>{r.rank ?? '—'}</b>
          <RankChange change={r.rankChange} />
        </Group>
      ),
      width: 70,
    },
    name,
    {
      key: 'n',
      header: t('analytics.rating.col.n'),
      value: (r) => r.n,
      render: (r) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {r.lowData && (
            <Badge size="xs" color="gray" variant="light" title={t('analytics.rating.lowDataTip')}>
              {t('analytics.rating.lowData')}
            </Badge>
          )}
          {count(r)}
        </Group>
      ),
      width: 130,
      align: 'right',
    },
    part('timeliness'),
    part('completeness'),
    part('satisfaction'),
    { key: 'avgRating', header: t('analytics.rating.col.avgRating'), value: (r) => r.avgRating, render: (r) => formatValue('rating', r.avgRating), width: 80, align: 'right' },
    {
      key: 'score',
      header: t('analytics.rating.col.score'),
      value: (r) => r.score,
      render: (r) => (
        <span title={r.previous?.score != null ? t('analytics.rating.prevScore', { score: formatNumber(r.previous.score, 0), rank: r.previous.rank ?? '—' }) : undefined}>
          <b>{r.score === null ? '—' : formatNumber(r.score, 0)}</b>
        </span>
      ),
      width: 80,
      align: 'right',
    },
  ];
}

/** «Рейтинг»: recipients with each part shrunk toward the mean, the sample size, the rank change. */
export function RatingScreen({ search, patch }: { search: RatingSearch; patch: (p: Partial<RatingSearch>) => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const navigate = useNavigate();
  const channels = useQuery(channelsQuery);
  const topics = useQuery(topicsQuery);
  const q = useQuery(ratingQuery(search));
  type Row = RecipientRating['items'][number];
  const columns = useMemo(
    () =>
      ratingColumns<Row>(
        t as unknown as Tr,
        { key: 'name', header: t('analytics.rating.col.recipient'), value: (r) => r.recipient.shortName || r.recipient.name, tooltip: (r) => r.recipient.name },
        (r) => <RegisterLink query={r.registerQuery}>{formatNumber(r.n)}</RegisterLink>,
      ),
    [t],
  );
  const today = localDate(new Date(), tz);
  const from = search.from ?? addDaysIso(today, -89);
  const to = search.to ?? today;
  const w = q.data?.method.weights;
  return (
    <>
      <DataTable
        label={t('analytics.rating.title')}
        rows={q.data?.items}
        columns={columns}
        rowKey={(r) => r.recipient.id}
        loading={q.isLoading}
        error={q.error}
        onOpen={(r) => void navigate({ to: '/cases', search: r.registerQuery })}
        filters={
          <>
            <DatePickerInput
              type="range"
              size="xs"
              w={200}
              allowSingleDateInRange
              valueFormat="DD.MM.YYYY"
              aria-label={t('analytics.period')}
              value={[from, to]}
              onChange={([a, b]) => a && b && patch({ from: a, to: b })}
              popoverProps={{ withinPortal: true }}
            />
            <Select size="xs" w={140} clearable aria-label={t('register.regime')} placeholder={t('register.regime')} data={(['FZ59', 'MESSAGE'] as const).map((r) => ({ value: r, label: t(`regime.${r}`) }))} value={search.regime ?? null} onChange={(v) => patch({ regime: (v as RatingSearch['regime']) ?? undefined })} />
            <Select size="xs" w={140} clearable aria-label={t('register.channel')} placeholder={t('register.channel')} data={(channels.data ?? []).map((c) => ({ value: c.code, label: c.name }))} value={search.channel ?? null} onChange={(v) => patch({ channel: v ?? undefined })} comboboxProps={{ withinPortal: true, width: 300 }} />
            <Select size="xs" w={170} clearable aria-label={t('analytics.ind.field.block')} placeholder={t('analytics.ind.field.block')} data={(topics.data?.blocks ?? []).filter((b) => b.isActive).map((b) => ({ value: b.id, label: b.name }))} value={search.blockId ?? null} onChange={(v) => patch({ blockId: v ?? undefined })} comboboxProps={{ withinPortal: true, width: 300 }} />
          </>
        }
      />
      {q.data && w && (
        <Text size="xs" c="dimmed">
          {t('analytics.rating.method', {
            period: formatRange(q.data.period),
            prev: formatRange(q.data.previousPeriod),
            wt: Math.round(w.timeliness * 100),
            wc: Math.round(w.completeness * 100),
            ws: Math.round(w.satisfaction * 100),
            k: q.data.method.priorStrength,
            min: q.data.method.minCases,
          })}
        </Text>
      )}
    </>
  );
}
