import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Input } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, registerCaseInput } from '../../../../../domain/cases/schemas';
import { api } from '../../../api/client';
import { useTimeZone } from '../../auth/session';
import { recipientsQuery, topicsQuery } from '../../directory/directory.api';
import { territoryQuery } from '../../territory/territory.api';
import { useZodForm } from '../../../lib/form';
import { casesKey, channelsQuery } from '../cases.api';
import { initialValues, toRegisterInput, type RegisterFormValues } from './form-values';
import { RegisterHints } from './RegisterHints';

const REPLY_BY = ['post', 'email', 'phone', 'none'] as const;

/**
 * Registration at reception, from a letter or a call, with every 59-ФЗ field. Client validation
 * is the server's own schema (registerCaseInput); the server's field messages land under fields.
 */
export function RegisterCaseForm() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const channels = useQuery(channelsQuery);
  const topics = useQuery(topicsQuery);
  const territory = useQuery(territoryQuery);
  const recipients = useQuery(recipientsQuery);
  const [initial] = useState(() => initialValues(new Date(), tz));
  const form = useZodForm({ schema: registerCaseInput, initial, toInput: (v: RegisterFormValues) => toRegisterInput(v, tz) });
  const v = form.values;
  const save = useMutation({ mutationFn: (input: unknown) => api.post<{ id: string; number: string }>('/api/cases', input) });

  const channelOptions = (channels.data ?? []).filter((c) => c.isActive).map((c) => ({ value: c.code, label: c.name }));
  const topicGroups = useMemo(() => {
    const d = topics.data;
    if (!d) return [];
    const tops = d.items.filter((x) => !x.parentId && x.isActive);
    const groups = d.blocks.filter((b) => b.isActive).map((b) => ({ group: b.name, items: tops.filter((x) => x.blockId === b.id).map((x) => ({ value: x.id, label: x.name })) }));
    const orphans = tops.filter((x) => !groups.some((g) => g.items.some((i) => i.value === x.id)));
    return [...groups.filter((g) => g.items.length), ...(orphans.length ? [{ group: t('topics.noBlock'), items: orphans.map((x) => ({ value: x.id, label: x.name })) }] : [])];
  }, [topics.data, t]);
  const subtopicOptions = (topics.data?.items ?? []).filter((x) => x.parentId && x.parentId === v.topicId && x.isActive).map((x) => ({ value: x.id, label: x.name }));
  const settlements = territory.data?.settlements.filter((s) => s.isActive) ?? [];
  const localities = (territory.data?.localities ?? []).filter((l) => l.isActive && (!v.settlementId || l.settlementId === v.settlementId));
  const recipientOptions = (recipients.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.name }));
  const fz59 = v.regime === 'FZ59';

  const root = useRef<HTMLFormElement>(null);
  /** After messages appear, the first field with one gets the focus (and comes into view). */
  const focusFirstError = () => window.requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const submit = () => {
    const input = form.validate();
    if (!input) return focusFirstError();
    save.mutate(input, {
      onSuccess: (row) => {
        void qc.invalidateQueries({ queryKey: casesKey });
        notifications.show({ message: t('registerForm.done', { number: row.number }), color: 'green', autoClose: 5000 });
        void navigate({ to: '/cases/$id', params: { id: row.id } });
      },
      onError: (e) => {
        form.showServerError(e);
        focusFirstError();
      },
    });
  };

  return (
    <form
      ref={root}
      noValidate
      aria-label={t('registerForm.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) submit();
      }}
    >
      <Stack gap="sm" maw={1040}>
        <Text size="sm" c="dimmed">
          {t('registerForm.intro')}
        </Text>
        {form.formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} aria-hidden />} p="xs" role="alert">
            {form.formError}
          </Alert>
        )}
        <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="reg-sectionCase">
          <Title order={2} fz="md" mb="xs" id="reg-sectionCase">
            {t('registerForm.sectionCase')}
          </Title>
          <Stack gap="sm">
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Input.Wrapper label={t('registerForm.regime')} withAsterisk error={form.error('regime')}>
                <SegmentedControl
                  display="flex"
                  value={v.regime}
                  onChange={(x) => form.setValue('regime', x as RegisterFormValues['regime'])}
                  data={(['FZ59', 'MESSAGE'] as const).map((r) => ({ value: r, label: t(`regime.${r}`) }))}
                />
              </Input.Wrapper>
              <Select
                label={t('registerForm.channel')}
                withAsterisk
                w={280}
                data={channelOptions}
                allowDeselect={false}
                value={v.channel}
                onChange={(code) => {
                  form.setValue('channel', code);
                  const ch = channels.data?.find((c) => c.code === code);
                  if (ch) form.setValue('regime', ch.defaultRegime);
                }}
                error={form.error('channel')}
              />
              <DateInput
                label={t('registerForm.receivedDate')}
                withAsterisk
                w={150}
                valueFormat="DD.MM.YYYY"
                popoverProps={{ withinPortal: true }}
                value={v.receivedDate}
                onChange={(d) => form.setValue('receivedDate', d)}
                error={form.error('receivedAt')}
              />
              <TimePicker
                label={t('registerForm.receivedTime')}
                withAsterisk
                w={100}
                format="24h"
                value={v.receivedTime}
                onChange={(x) => form.setValue('receivedTime', x)}
                hoursInputLabel={t('registerForm.hours')}
                minutesInputLabel={t('registerForm.minutes')}
              />
            </Group>
            <Textarea
              label={t('registerForm.text')}
              description={form.hint('text', t('registerForm.textHint'))}
              withAsterisk
              autosize
              minRows={5}
              maxRows={16}
              maxLength={CASE_LIMITS.text}
              data-autofocus
              {...form.text('text')}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="reg-sectionPlace">
          <Title order={2} fz="md" mb="xs" id="reg-sectionPlace">
            {t('registerForm.sectionPlace')}
          </Title>
          <RegisterHints
            facts={{ text: v.text, address: v.address || null, topicId: v.topicId, subtopicId: v.subtopicId, settlementId: v.settlementId, localityId: v.localityId, recipientId: v.recipientId }}
            onApply={(c) => {
              for (const [k, value] of Object.entries(c)) if (value !== undefined) form.setValue(k as 'topicId', value);
            }}
          />
          <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
            <Select
              label={t('registerForm.topic')}
              placeholder={t('registerForm.topicPlaceholder')}
              searchable
              clearable
              data={topicGroups}
              maxDropdownHeight={320}
              value={v.topicId}
              onChange={(id) => {
                form.setValue('topicId', id);
                form.setValue('subtopicId', null);
              }}
              error={form.error('topicId')}
            />
            <Select label={t('registerForm.subtopic')} searchable clearable data={subtopicOptions} disabled={!v.topicId} {...form.select('subtopicId')} />
            <Select label={t('registerForm.priority')} allowDeselect={false} data={(['normal', 'high', 'low'] as const).map((p) => ({ value: p, label: t(`priority.${p}`) }))} {...form.select('priority')} />
            <Select
              label={t('registerForm.settlement')}
              searchable
              clearable
              data={settlements.map((s) => ({ value: s.id, label: s.name }))}
              value={v.settlementId}
              onChange={(id) => {
                form.setValue('settlementId', id);
                form.setValue('localityId', null);
              }}
              error={form.error('settlementId')}
            />
            <Select
              label={t('registerForm.locality')}
              searchable
              clearable
              data={localities.map((l) => ({ value: l.id, label: `${l.type} ${l.name}` }))}
              value={v.localityId}
              onChange={(id) => {
                form.setValue('localityId', id);
                const l = territory.data?.localities.find((x) => x.id === id);
                if (l?.settlementId) form.setValue('settlementId', l.settlementId);
              }}
              error={form.error('localityId')}
            />
            <TextInput label={t('registerForm.address')} description={form.hint('address', t('registerForm.addressHint'))} {...form.text('address')} />
            <Select
              label={t('registerForm.recipient')}
              description={form.hint('recipientId', t('registerForm.recipientHint'))}
              searchable
              clearable
              data={recipientOptions}
              comboboxProps={{ width: 480, position: 'bottom-start' }}
              style={{ gridColumn: 'span 2' }}
              {...form.select('recipientId')}
            />
            <Checkbox mt={28} label={t('registerForm.fastTrack')} {...form.checkbox('fastTrack')} />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="reg-sectionApplicant">
          <Title order={2} fz="md" mb="xs" id="reg-sectionApplicant">
            {t('registerForm.sectionApplicant')}
          </Title>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
            <TextInput label={t('registerForm.fullName')} withAsterisk={fz59} autoComplete="off" {...form.text('applicant.fullName')} />
            <TextInput label={t('registerForm.phone')} type="tel" autoComplete="off" {...form.text('applicant.phone')} />
            <Select
              label={t('registerForm.replyBy')}
              clearable
              data={REPLY_BY.map((r) => ({ value: r, label: t(`replyBy.${r}`) }))}
              {...form.select('applicant.replyBy')}
            />
            <TextInput label={t('registerForm.postalAddress')} withAsterisk={fz59} autoComplete="off" style={{ gridColumn: 'span 2' }} {...form.text('applicant.postalAddress')} />
            <TextInput label={t('registerForm.email')} withAsterisk={fz59} type="email" autoComplete="off" {...form.text('applicant.email')} />
          </SimpleGrid>
          {fz59 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('registerForm.fz59Note')}
            </Text>
          )}
        </Paper>

        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('registerForm.submit')}
          </Button>
          <Button variant="default" onClick={() => void navigate({ to: '/cases' })}>
            {t('registerForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
