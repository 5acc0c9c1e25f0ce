import { useMemo, useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { Fill } from '../components/Page';
import { ClassifyNoAccess } from '../features/classify/ClassifyNoAccess';
import { classifySettingsQuery, routingRulesQuery, useCanConfigureRouting, useDeleteRoutingRule, type RoutingRule } from '../features/classify/classify.api';
import { useClassifyNames } from '../features/classify/names';
import { RoutingRuleForm, type RoutingTarget } from '../features/classify/RoutingRuleForm';
import { directoryRoute } from './directory';

const ANY = '__any__';

function RoutingPage() {
  const { t } = useTranslation();
  const allowed = useCanConfigureRouting();
  const q = useQuery({ ...routingRulesQuery, enabled: allowed });
  const settings = useQuery({ ...classifySettingsQuery, enabled: allowed });
  const names = useClassifyNames();
  const remove = useDeleteRoutingRule();
  const [target, setTarget] = useState<RoutingTarget>(null);

  const columns = useMemo<DataTableColumn<RoutingRule>[]>(
    () => [
      {
        key: 'topic',
        header: t('classify.routing.col.topic'),
        value: (r) => names.topicName(r.topicId),
        filter: { label: t('classify.routing.col.topic'), options: names.topLevel.map((x) => ({ value: x.id, label: x.name })), match: (r, v) => names.topicParent(r.topicId) === v, width: 240 },
      },
      {
        key: 'settlement',
        header: t('classify.routing.col.settlement'),
        width: '18%',
        value: (r) => (r.settlementId ? names.settlementName.get(r.settlementId) ?? '' : t('classify.anySettlement')),
        filter: {
          label: t('classify.routing.col.settlement'),
          options: [...names.settlements.map((s) => ({ value: s.id, label: s.name })), { value: ANY, label: t('classify.anySettlement') }],
          match: (r, v) => (v === ANY ? !r.settlementId : r.settlementId === v),
          width: 200,
        },
      },
      {
        key: 'recipient',
        header: t('classify.routing.col.recipient'),
        width: '28%',
        value: (r) => names.recipientName.get(r.recipientId) ?? '',
        filter: { label: t('classify.routing.col.recipient'), options: names.recipientOptions(), match: (r, v) => r.recipientId === v, width: 280 },
      },
      { key: 'priority', header: t('classify.routing.col.priority'), width: 100, align: 'right', value: (r) => r.priority },
    ],
    [t, names],
  );

  if (!allowed) return <ClassifyNoAccess />;
  const order = settings.data?.routeOrder;
  return (
    <Fill>
      <DataTable
        label={t('classify.routing.label')}
        rows={names.ready ? q.data : undefined}
        columns={columns}
        rowKey={(r) => r.id}
        isInactive={(r) => !r.isActive}
        inactiveLabel={t('classify.routing.off')}
        onOpen={setTarget}
        loading={q.isPending || !names.ready}
        error={q.error}
        onRetry={() => void q.refetch()}
        emptyText={t('classify.routing.empty')}
        initialSort={{ key: 'priority', dir: 'desc' }}
        actionsWidth={72}
        toolbarStart={
          order && (
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" color="gray">
                {t(`classify.routing.order.${order}`)}
              </Badge>
              <Anchor size="xs" renderRoot={(p) => <Link {...p} to="/directory/classifier" />}>
                {t('classify.routing.order.change')}
              </Anchor>
            </Group>
          )
        }
        toolbar={
          <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setTarget('new')}>
            {t('classify.routing.add')}
          </Button>
        }
        rowActions={(r) => {
          const name = `${names.topicName(r.topicId)} × ${r.settlementId ? names.settlementName.get(r.settlementId) : t('classify.anySettlement')}`;
          return (
            <>
              <Tooltip label={t('classify.editOf', { name })}>
                <ActionIcon size="sm" aria-label={t('classify.editOf', { name })} onClick={() => setTarget(r)}>
                  <IconPencil size={15} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('classify.deleteOf', { name })}>
                <ActionIcon size="sm" color="red" aria-label={t('classify.deleteOf', { name })} loading={remove.isPending && remove.variables === r.id} onClick={() => remove.mutate(r.id)}>
                  <IconTrash size={15} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </>
          );
        }}
      />
      <RoutingRuleForm target={target} onClose={() => setTarget(null)} />
      <Text size="xs" c="dimmed" mt={4}>
        {t('classify.routing.field.priorityHint')}
      </Text>
    </Fill>
  );
}

export const routingRoute = createRoute({ getParentRoute: () => directoryRoute, path: 'routing', component: RoutingPage });
