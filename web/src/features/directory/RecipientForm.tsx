import { useEffect, useMemo } from 'react';
import { Group, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { recipientInput, RECIPIENT_KINDS } from '../../../../domain/directory/schemas';
import type { Recipient, Settlement, Topic } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { SourceNote } from '../../components/SourceNote';
import { StatusIntro } from '../../components/StatusIntro';
import { ConfidenceBadge } from './ConfidenceBadge';
import { useZodForm } from '../../lib/form';
import { descendantsOf } from '../../lib/tree';
import { useSaveRecipient } from './directory.api';
import { topicOptionGroups } from './topic-options';

interface Props {
  target: Recipient | 'new' | null;
  recipients: Recipient[];
  settlements: Settlement[];
  topics: Topic[];
  readOnly: boolean;
  onClose: () => void;
}

function valuesOf(r: Recipient | null) {
  return {
    code: r?.code ?? '',
    name: r?.name ?? '',
    shortName: r?.shortName ?? '',
    kind: (r?.kind ?? null) as string | null,
    parentId: r?.parentId ?? null,
    settlementId: r?.settlementId ?? null,
    email: r?.email ?? '',
    phone: r?.phone ?? '',
    note: r?.note ?? '',
    topicIds: r?.topicIds ?? ([] as string[]),
  };
}

export function RecipientForm({ target, recipients, settlements, topics, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: recipientInput, initial: valuesOf(current) });
  const save = useSaveRecipient();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const parentOptions = useMemo(() => {
    const excluded = current ? descendantsOf(recipients, current.id) : new Set<string>();
    return recipients
      .filter((r) => !excluded.has(r.id) && (r.isActive || r.id === current?.parentId))
      .map((r) => ({ value: r.id, label: r.shortName || r.name }));
  }, [recipients, current]);
  const settlementOptions = settlements.filter((s) => s.isActive || s.id === current?.settlementId).map((s) => ({ value: s.id, label: s.name }));
  const topicGroups = useMemo(
    () => topicOptionGroups(topics, (name) => t('recipients.field.wholeTopic', { name }), current?.topicIds),
    [topics, current, t],
  );

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('recipients.edit')}: ${current.shortName || current.name}` : t('recipients.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      size={560}
      note={<SourceNote source={current?.source} />}
      intro={
        current && (
          <StatusIntro isActive={current.isActive}>
            <ConfidenceBadge confidence={current.confidence} />
          </StatusIntro>
        )
      }
    >
      <Textarea label={t('recipients.field.name')} withAsterisk autosize minRows={1} maxRows={3} data-autofocus {...form.text('name')} />
      <Group grow align="flex-start">
        <TextInput label={t('recipients.field.shortName')} {...form.text('shortName')} />
        <TextInput label={t('recipients.field.code')} withAsterisk spellCheck={false} {...form.text('code')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('recipients.field.kind')}
          withAsterisk
          allowDeselect={false}
          data={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`recipients.kind.${k}`) }))}
          {...form.select('kind')}
        />
        <Select label={t('recipients.field.settlement')} data={settlementOptions} clearable searchable {...form.select('settlementId')} />
      </Group>
      <Select label={t('recipients.field.parent')} data={parentOptions} clearable searchable {...form.select('parentId')} />
      <Group grow align="flex-start">
        <TextInput label={t('recipients.field.email')} type="email" {...form.text('email')} />
        <TextInput label={t('recipients.field.phone')} type="tel" {...form.text('phone')} />
      </Group>
      <MultiSelect
        label={t('recipients.field.topics')}
        description={t('recipients.field.topicsHint')}
        placeholder={t('recipients.field.topicsPlaceholder')}
        data={topicGroups}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={280}
        {...form.multi('topicIds')}
      />
      <Textarea label={t('recipients.field.note')} autosize minRows={2} maxRows={6} {...form.text('note')} />
    </FormDrawer>
  );
}
