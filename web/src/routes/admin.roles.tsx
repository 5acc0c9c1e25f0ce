import { useMemo, useState } from 'react';
import { Badge, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isPermission } from '../../../domain/auth/permissions';
import type { Role } from '../api/types';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { NoAccess } from '../components/NoAccess';
import { Fill } from '../components/Page';
import { RowActions } from '../components/RowActions';
import { useCan } from '../features/auth/session';
import { RoleForm } from '../features/users/RoleForm';
import { rolesQuery } from '../features/users/users.api';
import { adminRoute } from './admin';

function RolesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const roles = useQuery(rolesQuery);
  const [target, setTarget] = useState<Role | 'new' | null>(null);
  const label = (p: string) => (isPermission(p) ? t(`permissions.${p}`) : p);

  const columns = useMemo<DataTableColumn<Role>[]>(
    () => [
      {
        key: 'name',
        header: t('roles.col.name'),
        width: '22%',
        value: (r) => r.name,
        wrap: true,
        render: (r) => (
          <>
            {r.name}
            {r.builtIn && (
              <Badge color="gray" variant="outline" ml={6}>
                {t('roles.builtIn')}
              </Badge>
            )}
          </>
        ),
      },
      { key: 'code', header: t('roles.col.code'), width: '13%', value: (r) => r.code },
      { key: 'description', header: t('roles.col.description'), value: (r) => r.description, wrap: true },
      {
        key: 'permissions',
        header: t('roles.col.permissions'),
        width: '40%',
        sortable: false,
        wrap: true,
        value: (r) => r.permissions.map(label).join(', '),
        render: (r) => (
          <Group gap={4}>
            {r.permissions.map((p) => (
              <Badge key={p} color="gray" variant="light" size="sm">
                {label(p)}
              </Badge>
            ))}
          </Group>
        ),
      },
    ],
    [t],
  );

  if (!can('users.manage')) return <NoAccess />;
  return (
    <Fill>
      <DataTable
        label={t('admin.tabs.roles')}
        rows={roles.data?.items}
        columns={columns}
        rowKey={(r) => r.code}
        isInactive={(r) => !r.isActive}
        onOpen={setTarget}
        loading={roles.isPending}
        error={roles.error}
        onRetry={() => void roles.refetch()}
        actionsWidth={44}
        toolbar={
          <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setTarget('new')}>
            {t('roles.add')}
          </Button>
        }
        rowActions={(r) => <RowActions name={r.name} isActive={r.isActive} canManage canToggle={false} onEdit={() => setTarget(r)} onToggle={() => undefined} />}
      />
      <RoleForm target={target} onClose={() => setTarget(null)} />
    </Fill>
  );
}

export const rolesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'roles',
  component: RolesPage,
});
