import { useState } from 'react';
import { Button, Group, SegmentedControl } from '@mantine/core';
import { IconFileUpload, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Fill } from '../components/Page';
import { useCan } from '../features/auth/session';
import { ImportDialog } from '../features/territory/ImportDialog';
import { LocalitiesTable } from '../features/territory/LocalitiesTable';
import { SettlementsTable } from '../features/territory/SettlementsTable';
import { territoryQuery } from '../features/territory/territory.api';
import { formatCount } from '../lib/format';
import { directoryRoute } from './directory';

type View = 'settlements' | 'localities';

function TerritoryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('directory.manage');
  const navigate = useNavigate();
  const view: View = territoryRoute.useSearch().view ?? 'settlements';
  const [importing, setImporting] = useState(false);
  const q = useQuery(territoryQuery);
  const settlements = q.data?.settlements;
  const localities = q.data?.localities;

  const viewSwitch = (
    <SegmentedControl
      size="xs"
      aria-label={t('territory.view')}
      value={view}
      onChange={(v) => void navigate({ to: '/directory/territory', search: v === 'localities' ? { view: 'localities' } : {}, replace: true })}
      data={[
        { value: 'settlements', label: `${t('territory.settlements')} · ${settlements?.length ?? '…'}` },
        { value: 'localities', label: `${t('territory.localities')} · ${localities?.length ?? '…'}` },
      ]}
    />
  );
  const tenant = q.data?.tenant;
  const tenantLine = tenant && (
    <span>
      {t('territory.tenantLine', {
        name: tenant.name,
        oktmo: tenant.oktmo ?? t('common.notSet'),
        population: tenant.population !== null ? formatCount(tenant.population, t('plural.person', { returnObjects: true })) : t('common.notSet'),
      })}
    </span>
  );
  const toolbar = (addLabel: string) => (openNew: () => void) =>
    canManage && (
      <Group gap="xs">
        {view === 'localities' && (
          <Button variant="default" size="xs" leftSection={<IconFileUpload size={15} aria-hidden />} onClick={() => setImporting(true)}>
            {t('territory.import.button')}
          </Button>
        )}
        <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={openNew} aria-label={addLabel}>
          {t('common.add')}
        </Button>
      </Group>
    );

  return (
    <Fill>
      {view === 'settlements' ? (
        <SettlementsTable key="s" rows={settlements} loading={q.isPending} error={q.error} onRetry={() => void q.refetch()} canManage={canManage} toolbarStart={viewSwitch} footer={tenantLine} toolbar={toolbar(t('territory.addSettlement'))} />
      ) : (
        <LocalitiesTable
          key="l"
          rows={localities}
          settlements={settlements ?? []}
          loading={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          canManage={canManage}
          toolbarStart={viewSwitch}
          footer={tenantLine}
          toolbar={toolbar(t('territory.addLocality'))}
        />
      )}
      <ImportDialog opened={importing} onClose={() => setImporting(false)} />
    </Fill>
  );
}

export const territoryRoute = createRoute({
  getParentRoute: () => directoryRoute,
  path: 'territory',
  validateSearch: (search: Record<string, unknown>): { view?: View } => (search.view === 'localities' ? { view: 'localities' } : {}),
  component: TerritoryPage,
});
