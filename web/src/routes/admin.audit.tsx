import { useMemo, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/types';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { NoAccess } from '../components/NoAccess';
import { Fill } from '../components/Page';
import { auditQuery } from '../features/audit/audit.api';
import { AuditDetails } from '../features/audit/AuditDetails';
import { auditLabel, changesOf, objectName } from '../features/audit/audit-labels';
import { useEntityNames } from '../features/audit/useEntityNames';
import { useCan, useTimeZone } from '../features/auth/session';
import { formatDateTime } from '../lib/format';
import { adminRoute } from './admin';

function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const timeZone = useTimeZone();
  const name = useEntityNames();
  const q = useInfiniteQuery({ ...auditQuery(), enabled: can('audit.read') });
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const rows = useMemo(() => q.data?.pages.flatMap((p) => p.items), [q.data]);
  const present = (field: 'action' | 'entity') => [...new Set((rows ?? []).map((r) => r[field]))].map((v) => ({ value: v, label: auditLabel(field, v) }));

  const summary = (e: AuditEvent) => {
    const changes = changesOf(e.before, e.after);
    if (e.action === 'update' && changes.length) return t('audit.changedFields', { fields: changes.map((c) => auditLabel('fields', c.field)).join(', ') });
    const after = (e.after ?? {}) as { inserted?: number; updated?: number; errors?: number };
    if (e.action === 'import' && typeof after.inserted === 'number') return t('audit.importSummary', { inserted: after.inserted, updated: after.updated ?? 0, errors: after.errors ?? 0 });
    return '';
  };
  const object = (e: AuditEvent) => objectName(e.before, e.after) ?? (e.entityId ? name(e.entityId) : undefined) ?? '';

  const columns: DataTableColumn<AuditEvent>[] = [
    { key: 'at', header: t('audit.col.at'), width: '14%', value: (e) => e.id, searchable: false, render: (e) => <span className="tabular">{formatDateTime(e.at, timeZone)}</span> },
    { key: 'actor', header: t('audit.col.actor'), width: '19%', value: (e) => e.actor ?? t('audit.system') },
    { key: 'action', header: t('audit.col.action'), width: '13%', value: (e) => auditLabel('action', e.action), filter: { label: t('audit.col.action'), options: present('action'), match: (e, v) => e.action === v } },
    {
      key: 'entity',
      header: t('audit.col.entity'),
      width: '28%',
      value: (e) => [auditLabel('entity', e.entity), object(e)].filter(Boolean).join(': '),
      filter: { label: t('audit.col.entity'), options: present('entity'), match: (e, v) => e.entity === v, width: 230 },
    },
    { key: 'summary', header: t('audit.col.summary'), sortable: false, value: (e) => summary(e) },
  ];

  if (!can('audit.read')) return <NoAccess />;
  return (
    <Fill>
      <DataTable
        label={t('admin.tabs.audit')}
        rows={rows}
        columns={columns}
        rowKey={(e) => String(e.id)}
        onOpen={setOpen}
        loading={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        footer={
          rows && (
            <Group justify="center">
              {q.hasNextPage ? (
                <Button size="xs" variant="default" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
                  {t('audit.more')}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('audit.all')}
                </Text>
              )}
            </Group>
          )
        }
      />
      <AuditDetails event={open} timeZone={timeZone} name={name} onClose={() => setOpen(null)} />
    </Fill>
  );
}

export const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  component: AuditPage,
});
