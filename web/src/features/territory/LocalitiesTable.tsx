import { useMemo, useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locality, Settlement } from '../../api/types';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { RowActions } from '../../components/RowActions';
import { formatCoordinate, formatNumber } from '../../lib/format';
import { LocalityForm } from './LocalityForm';
import { useLocalityActive } from './territory.api';

const NONE = '__none__';

interface Props {
  rows: Locality[] | undefined;
  settlements: Settlement[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  canManage: boolean;
  toolbar: (openNew: () => void) => ReactNode;
  toolbarStart?: ReactNode;
  footer?: ReactNode;
}

export function LocalitiesTable({ rows, settlements, loading, error, onRetry, canManage, toolbar, toolbarStart, footer }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Locality | 'new' | null>(null);
  const active = useLocalityActive();
  const settlementName = useMemo(() => new Map(settlements.map((s) => [s.id, s.name])), [settlements]);
  const types = useMemo(() => [...new Set((rows ?? []).map((l) => l.type))].sort((a, b) => a.localeCompare(b, 'ru')), [rows]);

  const columns = useMemo<DataTableColumn<Locality>[]>(
    () => [
      { key: 'name', header: t('territory.col.name'), value: (l) => l.name },
      {
        key: 'type',
        header: t('territory.col.type'),
        width: '11%',
        value: (l) => l.type,
        filter: { label: t('territory.col.type'), options: types.map((x) => ({ value: x, label: x })), width: 150 },
      },
      {
        key: 'settlement',
        header: t('territory.col.settlement'),
        width: '15%',
        value: (l) => (l.settlementId ? (settlementName.get(l.settlementId) ?? null) : null),
        render: (l) =>
          l.settlementId ? (
            settlementName.get(l.settlementId)
          ) : (
            <Text span size="sm" c="dimmed">
              {t('territory.noSettlement')}
            </Text>
          ),
        filter: {
          label: t('territory.col.settlement'),
          options: [...settlements.map((s) => ({ value: s.id, label: s.name })), { value: NONE, label: t('territory.noSettlement') }],
          match: (l, v) => (v === NONE ? !l.settlementId : l.settlementId === v),
          width: 180,
        },
      },
      { key: 'code', header: t('territory.col.code'), width: '11%', value: (l) => l.code },
      { key: 'oktmo', header: t('territory.col.oktmo'), width: '10%', value: (l) => l.oktmo, render: (l) => <span className="tabular">{l.oktmo}</span> },
      { key: 'postcode', header: t('territory.col.postcode'), width: '7%', value: (l) => l.postcode },
      {
        key: 'population',
        header: t('territory.col.population'),
        width: '9%',
        align: 'right',
        value: (l) => l.population,
        tooltip: (l) => (l.population !== null ? t('territory.populationOfYear', { population: formatNumber(l.population), year: l.populationYear ?? '—' }) : null),
        render: (l) => formatNumber(l.population),
      },
      {
        key: 'coords',
        header: t('territory.col.coordinates'),
        width: '12%',
        sortable: false,
        searchable: false,
        value: (l) => (l.lat !== null && l.lon !== null ? `${formatCoordinate(l.lat)}; ${formatCoordinate(l.lon)}` : null),
        render: (l) =>
          l.lat !== null && l.lon !== null ? (
            <span className="tabular">
              {formatCoordinate(l.lat, 4)}; {formatCoordinate(l.lon, 4)}
            </span>
          ) : (
            <Text span size="sm" c="dimmed">
              {t('territory.noCoordinates')}
            </Text>
          ),
      },
    ],
    [t, types, settlements, settlementName],
  );

  return (
    <>
      <DataTable
        label={t('territory.localities')}
        rows={rows}
        columns={columns}
        rowKey={(l) => l.id}
        isInactive={(l) => !l.isActive}
        onOpen={setTarget}
        loading={loading}
        error={error}
        onRetry={onRetry}
        initialSort={{ key: 'name', dir: 'asc' }}
        toolbar={toolbar(() => setTarget('new'))}
        toolbarStart={toolbarStart}
        footer={footer}
        actionsWidth={72}
        rowActions={(l) => (
          <RowActions
            name={l.name}
            isActive={l.isActive}
            canManage={canManage}
            onEdit={() => setTarget(l)}
            onToggle={() => active.mutate({ id: l.id, isActive: !l.isActive, name: l.name })}
            toggling={active.isPending && active.variables?.id === l.id}
          />
        )}
      />
      <LocalityForm target={target} settlements={settlements} types={types} readOnly={!canManage} onClose={() => setTarget(null)} />
    </>
  );
}
