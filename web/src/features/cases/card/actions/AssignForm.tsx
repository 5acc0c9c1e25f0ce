import { useMemo } from 'react';
import { MultiSelect, Select, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assignInput } from '../../../../../../domain/cases/schemas';
import { useCan, useMe } from '../../../auth/session';
import { recipientsQuery } from '../../../directory/directory.api';
import { usersQuery } from '../../../users/users.api';
import { useZodForm } from '../../../../lib/form';
import { ActionFormBody, type ActionFormProps } from './ActionFormBody';

/**
 * Send to a responsible recipient, with an optional executor and co-executors. Recipients that
 * answer for the case's topic come first. The executor list needs the users list (users.manage);
 * without it the recipient's head names the executor in their unit.
 */
export function AssignForm({ card, action, run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const canListUsers = useCan()('users.manage');
  const recipients = useQuery(recipientsQuery);
  const users = useQuery({ ...usersQuery, enabled: canListUsers });
  const form = useZodForm({
    schema: assignInput,
    initial: { recipientId: card.recipientId, executorId: card.executorId, coExecutorIds: card.coExecutors.map((c) => c.id), comment: '' },
  });

  const recipientGroups = useMemo(() => {
    const own = me.scope.recipientIds;
    const usable = (recipients.data ?? []).filter((r) => (r.isActive || r.id === card.recipientId) && (!own.length || own.includes(r.id)));
    const topic = [card.subtopicId, card.topicId].filter(Boolean) as string[];
    const fits = (r: (typeof usable)[number]) => r.topicIds.some((id) => topic.includes(id));
    const option = (r: (typeof usable)[number]) => ({ value: r.id, label: r.name });
    const matching = usable.filter(fits).map(option);
    const rest = usable.filter((r) => !fits(r)).map(option);
    return matching.length
      ? [
          { group: t('actionForm.byTopic'), items: matching },
          { group: t('actionForm.allRecipients'), items: rest },
        ]
      : rest;
  }, [recipients.data, card, me.scope.recipientIds, t]);

  const recipientId = form.values.recipientId as string | null;
  const executorOptions = (users.data ?? []).filter((u) => u.isActive && u.recipientId === recipientId).map((u) => ({ value: u.id, label: u.position ? `${u.fullName}, ${u.position}` : u.fullName }));
  const coOptions = (recipients.data ?? []).filter((r) => r.isActive && r.id !== recipientId).map((r) => ({ value: r.id, label: r.shortName || r.name }));

  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t(`caseAction.${card.recipientId ? 'reassign' : action}` as 'caseAction.assign')}>
      <Select
        label={t('actionForm.recipient')}
        withAsterisk
        searchable
        data={recipientGroups}
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
        value={recipientId}
        onChange={(v) => {
          form.setValue('recipientId', v);
          form.setValue('executorId', null);
        }}
        error={form.error('recipientId')}
      />
      {canListUsers ? (
        <Select
          label={t('actionForm.executor')}
          description={form.hint('executorId', t('actionForm.executorHint'))}
          clearable
          searchable
          data={executorOptions}
          disabled={!recipientId}
          comboboxProps={{ withinPortal: true }}
          {...form.select('executorId')}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('actionForm.executorUnavailable')}
        </Text>
      )}
      <MultiSelect
        label={t('actionForm.coExecutors')}
        searchable
        clearable
        hidePickedOptions
        data={coOptions}
        maxDropdownHeight={240}
        comboboxProps={{ withinPortal: true }}
        {...form.multi('coExecutorIds')}
      />
      <Textarea label={t('actionForm.comment')} autosize minRows={2} maxRows={6} {...form.text('comment')} />
    </ActionFormBody>
  );
}
