import { useMemo, useState } from 'react';
import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useCan, useTimeZone } from '../auth/session';
import { periodContaining, previousPeriod } from '../../../../domain/analytics/period';
import { localDate } from '../../../../domain/time/zoned';
import { definitionsQuery, indicatorsQuery, type Indicators } from './analytics.api';
import { formatValue, periodLabel, type Tr } from './format';
import { RegisterLink } from './RegisterLink';
import { Delta } from './Delta';
import { IndicatorForm } from './IndicatorForm';

type Row = Indicators['items'][number];

/** Periods to choose from: this and the three previous quarters, this and the previous year, the last three months. */
export function periodOptions(timeZone: string, t: Tr) {
  const today = localDate(new Date(), timeZone);
  const q0 = periodContaining('quarter', today);
  const quarters = [q0, previousPeriod(q0), previousPeriod(previousPeriod(q0)), previousPeriod(previousPeriod(previousPeriod(q0)))];
  const m0 = periodContaining('month', today);
  const months = [m0, previousPeriod(m0), previousPeriod(previousPeriod(m0))];
  const y0 = periodContaining('year', today);
  return [
    { group: t('analytics.ind.periodKind.quarter'), items: quarters.map((p) => ({ value: p.code, label: periodLabel(p.code) })) },
    { group: t('analytics.ind.periodKind.month'), items: months.map((p) => ({ value: p.code, label: periodLabel(p.code) })) },
    { group: t('analytics.ind.periodKind.year'), items: [y0, previousPeriod(y0)].map((p) => ({ value: p.code, label: periodLabel(p.code) })) },
  ];
}

export function Met({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null) return <Text size="xs" c="dimmed">{t('analytics.ind.noTarget')}</Text>;
  return (
    <Badge size="sm" variant="light" color={met ? 'teal' : 'red'} leftSection={met ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}>
      {met ? t('analytics.ind.met') : t('analytics.ind.notMet')}
    </Badge>
  );
}

/** «Показатели»: each indicator's value over the period against its target, who set it, and by month. */
export function IndicatorsTab({ period, setPeriod }: { period?: string; setPeriod: (p: string | undefined) => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const canManage = useCan()('reports.manage');
  const q = useQuery(indicatorsQuery(period));
  const defs = useQuery({ ...definitionsQuery, enabled: canManage });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      { key: 'name', header: t('analytics.ind.col.name'), value: (r) => r.name, wrap: true },
      { key: 'setBy', header: t('analytics.ind.col.setBy'), value: (r) => t(`analytics.ind.setBy.${r.setBy}`), width: 90 },
      {
        key: 'target',
        header: t('analytics.ind.col.target'),
        value: (r) => r.target?.value ?? null,
        render: (r) => (r.target ? `${t(`analytics.ind.directionShort.${r.target.direction}`)} ${formatValue(r.unit, r.target.value)}` : '—'),
        width: 90,
        align: 'right',
      },
      {
        key: 'value',
        header: t('analytics.ind.col.value'),
        value: (r) => r.value,
        render: (r) => (
          <RegisterLink query={r.registerQuery}>
            <b>{formatValue(r.unit, r.value)}</b>
          </RegisterLink>
        ),
        width: 90,
        align: 'right',
      },
      { key: 'met', header: t('analytics.ind.col.met'), value: (r) => (r.met === null ? null : r.met ? 1 : 0), render: (r) => <Met met={r.met} />, width: 140 },
      {
        key: 'prev',
        header: t('analytics.ind.col.previous'),
        value: (r) => r.previous.value,
        render: (r) => (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <span>{formatValue(r.unit, r.previous.value)}</span>
            <Delta unit={r.unit} value={r.value} base={r.previous.value} against="prev" />
          </Group>
        ),
        width: 140,
        align: 'right',
      },
      {
        key: 'months',
        header: t('analytics.ind.col.months'),
        searchable: false,
        sortable: false,
        render: (r) => (r.months.length ? r.months.map((m) => `${m.period.slice(5)}: ${formatValue(r.unit, m.value)}`).join(' · ') : '—'),
        width: 210,
      },
      { key: 'n', header: t('analytics.ind.col.n'), value: (r) => r.n, width: 70, align: 'right' },
    ],
    [t],
  );
  return (
    <>
      <DataTable
        label={t('analytics.ind.title')}
        rows={q.data?.items}
        columns={columns}
        rowKey={(r) => r.id}
        loading={q.isLoading}
        error={q.error}
        onOpen={canManage ? (r) => setEditing(r) : undefined}
        toolbarStart={
          <Select
            size="xs"
            w={190}
            aria-label={t('analytics.ind.period')}
            data={periodOptions(tz, t as unknown as Tr)}
            value={q.data?.period.code ?? period ?? null}
            onChange={(v) => setPeriod(v ?? undefined)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        }
        toolbar={
          canManage && (
            <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setEditing('new')} disabled={!defs.data}>
              {t('analytics.ind.add')}
            </Button>
          )
        }
      />
      {canManage && <IndicatorForm target={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
