import { useMemo, useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settlement } from '../../api/types';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { RowActions } from '../../components/RowActions';
import { formatNumber } from '../../lib/format';
import { SettlementForm } from './SettlementForm';
import { useSettlementActive } from './territory.api';

interface Props {
  rows: Settlement[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  canManage: boolean;
  toolbar: (openNew: () => void) => ReactNode;
  toolbarStart?: ReactNode;
  footer?: ReactNode;
}

export function SettlementsTable({ rows, loading, error, onRetry, canManage, toolbar, toolbarStart, footer }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Settlement | 'new' | null>(null);
  const active = useSettlementActive();

  const columns = useMemo<DataTableColumn<Settlement>[]>(
    () => [
      { key: 'name', header: t('territory.col.name'), value: (s) => s.name, tooltip: (s) => s.officialName ?? s.name, searchText: (s) => s.officialName },
      {
        key: 'kind',
        header: t('territory.col.kind'),
        width: '11%',
        value: (s) => t(`territory.settlementKind.${s.kind}`),
        filter: { label: t('territory.col.kind'), options: (['urban', 'rural'] as const).map((k) => ({ value: k, label: t(`territory.settlementKind.${k}`) })), match: (s, v) => s.kind === v, width: 170 },
      },
      { key: 'adminCentre', header: t('territory.col.adminCentre'), width: '17%', value: (s) => s.adminCentre },
      { key: 'code', header: t('territory.col.code'), width: '14%', value: (s) => s.code },
      { key: 'oktmo', header: t('territory.col.oktmo'), width: '10%', value: (s) => s.oktmo, render: (s) => <span className="tabular">{s.oktmo}</span> },
      {
        key: 'population',
        header: t('territory.col.population'),
        width: '12%',
        align: 'right',
        value: (s) => s.population,
        tooltip: (s) => (s.population !== null ? t('territory.populationOfYear', { population: formatNumber(s.population), year: s.populationYear ?? '—' }) : null),
        render: (s) =>
          s.population === null ? null : (
            <>
              {formatNumber(s.population)}
              {s.populationYear && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({s.populationYear})
                </Text>
              )}
            </>
          ),
      },
      { key: 'boundary', header: t('territory.col.boundary'), width: '8%', value: (s) => (s.hasBoundary ? t('territory.hasBoundary') : t('territory.noBoundary')) },
    ],
    [t],
  );

  return (
    <>
      <DataTable
        label={t('territory.settlements')}
        rows={rows}
        columns={columns}
        rowKey={(s) => s.id}
        isInactive={(s) => !s.isActive}
        onOpen={setTarget}
        loading={loading}
        error={error}
        onRetry={onRetry}
        initialSort={{ key: 'name', dir: 'asc' }}
        toolbar={toolbar(() => setTarget('new'))}
        toolbarStart={toolbarStart}
        footer={footer}
        actionsWidth={72}
        rowActions={(s) => (
          <RowActions
            name={s.name}
            isActive={s.isActive}
            canManage={canManage}
            onEdit={() => setTarget(s)}
            onToggle={() => active.mutate({ id: s.id, isActive: !s.isActive, name: s.name })}
            toggling={active.isPending && active.variables?.id === s.id}
          />
        )}
      />
      <SettlementForm target={target} readOnly={!canManage} onClose={() => setTarget(null)} />
    </>
  );
}
