import { useMemo, useState } from 'react';
import { Badge, Button, SegmentedControl, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REGIMES } from '../../../domain/cases/status';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { NoAccess } from '../components/NoAccess';
import { Fill } from '../components/Page';
import { RowActions } from '../components/RowActions';
import { useCan } from '../features/auth/session';
import type { Channel } from '../features/cases/case-types';
import { topicsQuery } from '../features/directory/directory.api';
import { ChannelForm } from '../features/settings/ChannelForm';
import { DeadlineRuleForm } from '../features/settings/DeadlineRuleForm';
import { amountText, atRiskText, compareRules, kindLabel } from '../features/settings/rule-text';
import { channelsQuery, deadlineRulesQuery, ruleBody, useChannelActive, useDeadlineRuleActive, type DeadlineRuleRow } from '../features/settings/settings.api';
import { adminRoute } from './admin';

type View = 'rules' | 'channels';

/** «Сроки и каналы»: the deadline rules and the intake channels; read-only without settings.manage. */
function DeadlinesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view: View = deadlinesRoute.useSearch().view ?? 'rules';
  const can = useCan();
  const canManage = can('settings.manage');
  const canRead = can('directory.read');
  const rules = useQuery({ ...deadlineRulesQuery, enabled: canRead });
  const channels = useQuery({ ...channelsQuery, enabled: canRead });
  const topics = useQuery({ ...topicsQuery, enabled: canRead });
  const ruleActive = useDeadlineRuleActive();
  const channelActive = useChannelActive();
  const [ruleTarget, setRuleTarget] = useState<DeadlineRuleRow | 'new' | null>(null);
  const [channelTarget, setChannelTarget] = useState<Channel | 'new' | null>(null);

  const channelName = useMemo(() => new Map((channels.data ?? []).map((c) => [c.code, c.name])), [channels.data]);
  const topicName = useMemo(() => {
    const items = topics.data?.items ?? [];
    const byId = new Map(items.map((x) => [x.id, x]));
    return new Map(items.map((x) => [x.id, x.parentId && byId.get(x.parentId) ? `${byId.get(x.parentId)!.name} — ${x.name}` : x.name]));
  }, [topics.data]);
  const channelOf = (r: DeadlineRuleRow) => (r.channel ? (channelName.get(r.channel) ?? r.channel) : null);
  const topicOf = (r: DeadlineRuleRow) => (r.topicId ? (topicName.get(r.topicId) ?? '…') : null);
  const ruleName = (r: DeadlineRuleRow) => [t(`regime.${r.regime}`), kindLabel(r.kind), channelOf(r), topicOf(r)].filter(Boolean).join(' · ');
  const termText = (r: DeadlineRuleRow) => [amountText(r.amount, r.unit), atRiskText(r), r.shiftToWorkingDay ? t('deadlineRules.shift') : null].filter(Boolean).join(', ');

  const ruleRows = useMemo(() => rules.data && [...rules.data].sort((a, b) => compareRules(a, b, (r) => `${channelOf(r) ?? ''} ${topicOf(r) ?? ''}`)), [rules.data, channelName, topicName]);
  const rulesPerChannel = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of rules.data ?? []) if (r.channel) m.set(r.channel, (m.get(r.channel) ?? 0) + 1);
    return m;
  }, [rules.data]);

  const dimmed = (text: string) => (
    <Text span size="sm" c="dimmed">
      {text}
    </Text>
  );

  const ruleColumns = useMemo<DataTableColumn<DeadlineRuleRow>[]>(
    () => [
      {
        key: 'regime',
        header: t('deadlineRules.col.regime'),
        width: '14%',
        value: (r) => t(`regime.${r.regime}`),
        filter: { label: t('deadlineRules.col.regime'), options: REGIMES.map((x) => ({ value: x, label: t(`regime.${x}`) })), match: (r, v) => r.regime === v, width: 190 },
      },
      {
        key: 'kind',
        header: t('deadlineRules.col.kind'),
        width: '23%',
        value: (r) => kindLabel(r.kind),
      },
      { key: 'channel', header: t('deadlineRules.col.channel'), width: '15%', value: (r) => channelOf(r) ?? t('deadlineRules.allChannels'), render: (r) => channelOf(r) ?? dimmed(t('deadlineRules.allChannels')) },
      { key: 'topic', header: t('deadlineRules.col.topic'), width: '12%', value: (r) => topicOf(r) ?? t('deadlineRules.allTopics'), render: (r) => topicOf(r) ?? dimmed(t('deadlineRules.allTopics')) },
      {
        key: 'term',
        header: t('deadlineRules.col.term'),
        sortable: false,
        wrap: true,
        value: (r) => termText(r),
        // Two deliberate lines: the term (and the shift flag), then when the case turns amber.
        render: (r) => (
          <>
            <div>
              <Text span size="sm" fw={600} className="tabular">
                {amountText(r.amount, r.unit)}
              </Text>
              {r.shiftToWorkingDay && (
                <Badge color="gray" variant="light" size="xs" ml={6} tt="none" fw={500}>
                  {t('deadlineRules.shift')}
                </Badge>
              )}
            </div>
            <Text size="xs" c="dimmed" lh={1.3}>
              {atRiskText(r)}
            </Text>
          </>
        ),
      },
    ],
    [t, channelName, topicName],
  );

  const channelColumns = useMemo<DataTableColumn<Channel>[]>(
    () => [
      { key: 'name', header: t('channelSettings.col.name'), value: (c) => c.name, searchText: (c) => c.code },
      { key: 'code', header: t('channelSettings.col.code'), width: '18%', value: (c) => c.code },
      {
        key: 'defaultRegime',
        header: t('channelSettings.col.defaultRegime'),
        width: '22%',
        value: (c) => t(`regime.${c.defaultRegime}`),
        filter: { label: t('channelSettings.col.defaultRegime'), options: REGIMES.map((x) => ({ value: x, label: t(`regime.${x}`) })), match: (c, v) => c.defaultRegime === v, width: 230 },
      },
      { key: 'rules', header: t('channelSettings.col.rules'), width: '14%', align: 'right', searchable: false, value: (c) => rulesPerChannel.get(c.code) ?? 0, render: (c) => rulesPerChannel.get(c.code) || '' },
    ],
    [t, rulesPerChannel],
  );

  const viewSwitch = (
    <SegmentedControl
      size="xs"
      aria-label={t('deadlineRules.view')}
      value={view}
      onChange={(v) => void navigate({ to: '/admin/deadlines', search: v === 'channels' ? { view: 'channels' } : {}, replace: true })}
      data={[
        { value: 'rules', label: `${t('deadlineRules.title')} · ${rules.data?.length ?? '…'}` },
        { value: 'channels', label: `${t('channelSettings.title')} · ${channels.data?.length ?? '…'}` },
      ]}
    />
  );
  const readOnlyText = t('deadlineRules.readOnly');

  if (!canRead) return <NoAccess />;
  return (
    <Fill gap="xs">
      {view === 'channels' ? (
        <DataTable
          key="channels"
          label={t('channelSettings.title')}
          rows={channels.data}
          columns={channelColumns}
          rowKey={(c) => c.id}
          isInactive={(c) => !c.isActive}
          onOpen={setChannelTarget}
          loading={channels.isPending}
          error={channels.error}
          onRetry={() => void channels.refetch()}
          actionsWidth={72}
          toolbarStart={viewSwitch}
          toolbar={
            canManage && (
              <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setChannelTarget('new')}>
                {t('channelSettings.add')}
              </Button>
            )
          }
          rowActions={(c) => (
            <RowActions
              name={c.name}
              isActive={c.isActive}
              canManage={canManage}
              onEdit={() => setChannelTarget(c)}
              onToggle={() => channelActive.mutate({ id: c.id, name: c.name, body: { code: c.code, name: c.name, defaultRegime: c.defaultRegime, isActive: !c.isActive } })}
              toggling={channelActive.isPending && channelActive.variables?.id === c.id}
            />
          )}
        />
      ) : (
        <>
          <DataTable
            key="rules"
            label={t('deadlineRules.title')}
            rows={ruleRows}
            columns={ruleColumns}
            rowKey={(r) => r.id}
            isInactive={(r) => !r.isActive}
            onOpen={setRuleTarget}
            loading={rules.isPending}
            error={rules.error}
            onRetry={() => void rules.refetch()}
            emptyText={t('deadlineRules.empty')}
            actionsWidth={72}
            toolbarStart={viewSwitch}
            toolbar={
              canManage && (
                <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setRuleTarget('new')}>
                  {t('deadlineRules.add')}
                </Button>
              )
            }
            rowActions={(r) => (
              <RowActions
                name={ruleName(r)}
                isActive={r.isActive}
                canManage={canManage}
                onEdit={() => setRuleTarget(r)}
                onToggle={() => ruleActive.mutate({ id: r.id, name: ruleName(r), body: { ...ruleBody(r), isActive: !r.isActive } })}
                toggling={ruleActive.isPending && ruleActive.variables?.id === r.id}
              />
            )}
          />
          <Text size="sm" c="dimmed">
            {t('deadlineRules.howChosen')}
          </Text>
        </>
      )}
      <DeadlineRuleForm
        target={ruleTarget}
        name={ruleName}
        channels={channels.data ?? []}
        topics={topics.data?.items ?? []}
        readOnly={!canManage}
        readOnlyText={readOnlyText}
        onClose={() => setRuleTarget(null)}
      />
      <ChannelForm target={channelTarget} readOnly={!canManage} readOnlyText={readOnlyText} onClose={() => setChannelTarget(null)} />
    </Fill>
  );
}

export const deadlinesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'deadlines',
  validateSearch: (search: Record<string, unknown>): { view?: View } => (search.view === 'channels' ? { view: 'channels' } : {}),
  component: DeadlinesPage,
});
