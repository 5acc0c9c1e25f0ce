import { useMemo, useState } from 'react';
import { Badge, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { Fill } from '../components/Page';
import { RowActions } from '../components/RowActions';
import { useCan, useMe, useTimeZone } from '../features/auth/session';
import { recipientsQuery, topicsQuery } from '../features/directory/directory.api';
import { UserForm } from '../features/users/UserForm';
import { rolesQuery, useUserActive, usersQuery } from '../features/users/users.api';
import { formatDateTime } from '../lib/format';
import { NoAccess } from '../components/NoAccess';
import { adminRoute } from './admin';

function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const timeZone = useTimeZone();
  const users = useQuery(usersQuery);
  const roles = useQuery(rolesQuery);
  const recipients = useQuery(recipientsQuery);
  const topics = useQuery(topicsQuery);
  const active = useUserActive();
  const [target, setTarget] = useState<User | 'new' | null>(null);

  const roleName = useMemo(() => new Map((roles.data?.items ?? []).map((r) => [r.code, r.name])), [roles.data]);
  const recipientName = useMemo(() => new Map((recipients.data ?? []).map((r) => [r.id, r.shortName || r.name])), [recipients.data]);
  const blockName = useMemo(() => new Map((topics.data?.blocks ?? []).map((b) => [b.id, b.name])), [topics.data]);

  const scopeOf = (a: User['roles'][number]) =>
    [a.recipientId && t('users.scopeRecipient', { name: recipientName.get(a.recipientId) ?? '…' }), a.blockId && t('users.scopeBlock', { name: blockName.get(a.blockId) ?? '…' })]
      .filter(Boolean)
      .join(', ');
  const roleText = (u: User) => u.roles.map((a) => `${roleName.get(a.roleCode) ?? a.roleCode}${scopeOf(a) ? ` (${scopeOf(a)})` : ''}`).join('; ');

  const columns = useMemo<DataTableColumn<User>[]>(
    () => [
      {
        key: 'fullName',
        header: t('users.col.fullName'),
        value: (u) => u.fullName,
        tooltip: (u) => [u.fullName, u.position].filter(Boolean).join(' — '),
        searchText: (u) => u.position,
        render: (u) => (
          <>
            {u.fullName}
            {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
              <Badge color="yellow" variant="light" ml={6}>
                {t('users.lockedBadge', { time: formatDateTime(u.lockedUntil, timeZone) })}
              </Badge>
            )}
          </>
        ),
      },
      { key: 'login', header: t('users.col.login'), width: '12%', value: (u) => u.login },
      { key: 'recipient', header: t('users.col.recipient'), width: '18%', value: (u) => (u.recipientId ? recipientName.get(u.recipientId) : null) },
      {
        key: 'roles',
        header: t('users.col.roles'),
        width: '30%',
        sortable: false,
        value: (u) => roleText(u),
        render: (u) =>
          u.roles.map((a, i) => (
            <span key={i} style={{ marginRight: 8 }}>
              <Badge color="steel" variant="light">
                {roleName.get(a.roleCode) ?? a.roleCode}
              </Badge>
              {scopeOf(a) && (
                <Text span size="xs" c="dimmed" ml={4}>
                  {scopeOf(a)}
                </Text>
              )}
            </span>
          )),
        filter: {
          label: t('users.col.roles'),
          options: (roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.name })),
          match: (u, v) => u.roles.some((a) => a.roleCode === v),
          width: 240,
        },
      },
      {
        key: 'lastLogin',
        header: t('users.col.lastLogin'),
        width: '13%',
        value: (u) => u.lastLoginAt,
        searchable: false,
        render: (u) =>
          u.lastLoginAt ? (
            <span className="tabular">{formatDateTime(u.lastLoginAt, timeZone)}</span>
          ) : (
            <Text span size="sm" c="dimmed">
              {t('users.neverLoggedIn')}
            </Text>
          ),
      },
    ],
    [t, roleName, recipientName, blockName, roles.data, timeZone],
  );

  if (!can('users.manage')) return <NoAccess />;
  return (
    <Fill>
      <DataTable
        label={t('admin.tabs.users')}
        rows={users.data}
        columns={columns}
        rowKey={(u) => u.id}
        isInactive={(u) => !u.isActive}
        inactiveLabel={t('users.blockedBadge')}
        onOpen={setTarget}
        loading={users.isPending}
        error={users.error}
        onRetry={() => void users.refetch()}
        initialSort={{ key: 'fullName', dir: 'asc' }}
        actionsWidth={72}
        toolbar={
          <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setTarget('new')}>
            {t('users.add')}
          </Button>
        }
        rowActions={(u) => (
          <RowActions
            name={u.fullName}
            isActive={u.isActive}
            canManage
            canToggle={u.id !== me.user.id}
            icons="lock"
            deactivateLabel={t('users.blockOf', { name: u.fullName })}
            activateLabel={t('users.unblockOf', { name: u.fullName })}
            onEdit={() => setTarget(u)}
            onToggle={() => active.mutate({ id: u.id, isActive: !u.isActive, name: u.fullName })}
            toggling={active.isPending && active.variables?.id === u.id}
          />
        )}
      />
      <UserForm target={target} roles={roles.data?.items ?? []} recipients={recipients.data ?? []} blocks={topics.data?.blocks ?? []} onClose={() => setTarget(null)} />
    </Fill>
  );
}

export const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users',
  component: UsersPage,
});
