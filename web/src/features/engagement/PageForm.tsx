import { useEffect } from 'react';
import { Checkbox, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NETWORKS } from '../../../../domain/engagement/networks';
import { activityInput, pageInput } from '../../../../domain/engagement/schemas';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { recipientsQuery } from '../directory/directory.api';
import { keys, saveActivity, savePage, useAction, type PageRow } from './engagement.api';

const pageValues = (p: PageRow | null) => ({
  network: (p?.network ?? 'vk') as string | null,
  url: p?.url ?? '',
  name: p?.name ?? '',
  ownerRecipientId: (p?.ownerRecipientId ?? null) as string | null,
  responsible: p?.responsible ?? '',
  confirmed: p?.confirmed ?? false,
  widget: p?.widget ?? false,
});

/** Add or change an official page. */
export function PageForm({ target, readOnly, onClose }: { target: PageRow | 'new' | null; readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: pageInput, initial: pageValues(current) });
  const recipients = useQuery(recipientsQuery);
  const save = useAction(savePage, keys.pages, t('common.saved'), true);
  useEffect(() => form.reset(pageValues(current)), [target]);
  const submit = () => {
    const input = form.validate();
    if (input) save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <FormDrawer opened={target !== null} title={current ? `${t('engagement.pages.edit')}: ${current.name}` : t('engagement.pages.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError} readOnly={readOnly}>
      <Select label={t('engagement.pages.field.network')} withAsterisk data={NETWORKS.map((n) => ({ value: n, label: t(`engagement.network.${n}`) }))} allowDeselect={false} {...form.select('network')} />
      <TextInput label={t('engagement.pages.field.url')} withAsterisk spellCheck={false} placeholder="https://vk.com/…" data-autofocus {...form.text('url')} />
      <TextInput label={t('engagement.pages.field.name')} withAsterisk {...form.text('name')} />
      <Select
        label={t('engagement.pages.field.owner')}
        withAsterisk
        searchable
        data={(recipients.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.name }))}
        {...form.select('ownerRecipientId')}
      />
      <TextInput label={t('engagement.pages.field.responsible')} {...form.text('responsible')} />
      <Checkbox label={t('engagement.pages.field.confirmed')} {...form.checkbox('confirmed')} />
      <Checkbox label={t('engagement.pages.field.widget')} {...form.checkbox('widget')} />
    </FormDrawer>
  );
}

const monthNow = () => new Date().toISOString().slice(0, 7);
const activityValues = (p: PageRow | null) => ({
  period: p?.latest?.period ?? monthNow(),
  publications: p?.latest?.publications ?? 0,
  reach: p?.latest?.reach ?? 0,
  engagement: p?.latest?.engagement ?? 0,
  comments: p?.latest?.comments ?? 0,
  commentsAnswered: p?.latest?.commentsAnswered ?? 0,
  lastPostOn: p?.latest?.lastPostOn ?? '',
});

/** Enter one month's figures of a page by hand (the same key as the import: page × month). */
export function ActivityForm({ target, onClose }: { target: PageRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: activityInput, initial: activityValues(target) });
  const save = useAction(saveActivity, keys.pages, t('common.saved'), true);
  useEffect(() => form.reset(activityValues(target)), [target]);
  const submit = () => {
    const input = form.validate();
    if (input && target) save.mutate({ id: target.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };
  const num = (k: 'publications' | 'reach' | 'engagement' | 'comments' | 'commentsAnswered') => <NumberInput label={t(`engagement.pages.field.${k}`)} min={0} allowDecimal={false} {...form.number(k)} />;
  return (
    <FormDrawer opened={target !== null} title={`${t('engagement.pages.activity')}: ${target?.name ?? ''}`} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError}>
      <Group grow align="flex-start">
        <TextInput label={t('engagement.pages.field.period')} placeholder="2026-03" withAsterisk {...form.text('period')} />
        <TextInput label={t('engagement.pages.field.lastPostOn')} type="date" {...form.text('lastPostOn')} />
      </Group>
      <Group grow align="flex-start">
        {num('publications')}
        {num('reach')}
        {num('engagement')}
      </Group>
      <Group grow align="flex-start">
        {num('comments')}
        {num('commentsAnswered')}
      </Group>
    </FormDrawer>
  );
}
