import { useEffect, useState } from 'react';
import { Anchor, Button, Group, MultiSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NOTICE_CHANNELS, noticeInput, type NoticeChannel } from '../../../../domain/engagement/schemas';
import { smsLength } from '../../../../domain/engagement/sms';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { useTimeZone } from '../auth/session';
import { territoryQuery } from '../territory/territory.api';
import { keys, markPublished, saveNotice, unpublish, useAction, type NoticeRow } from './engagement.api';

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the value of a datetime-local input (the browser's local time). */
const local = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const toIso = (v: string) => (v ? new Date(v).toISOString() : v);

const valuesOf = (n: NoticeRow | null) => ({
  title: n?.title ?? '',
  audience: n?.audience ?? '',
  settlementIds: n?.settlementIds ?? ([] as string[]),
  postText: n?.postText ?? '',
  publicText: n?.publicText ?? '',
  smsText: n?.smsText ?? '',
  publishAt: local(n?.publishAt ?? new Date().toISOString()),
  validUntil: local(n?.validUntil ?? null),
});

/** A notice with its text per channel, territories, schedule, and where it was published. */
export function NoticeForm({ target, readOnly, onClose }: { target: NoticeRow | 'new' | null; readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const territory = useQuery(territoryQuery);
  const form = useZodForm({
    schema: noticeInput,
    initial: valuesOf(current),
    toInput: (v) => ({ ...v, audience: v.audience || null, smsText: v.smsText || null, publishAt: toIso(v.publishAt), validUntil: toIso(v.validUntil) }),
  });
  const save = useAction(saveNotice, keys.notices, t('common.saved'), true);
  useEffect(() => form.reset(valuesOf(current)), [target]);
  const sms = smsLength(String(form.values.smsText ?? ''));
  const submit = () => {
    const input = form.validate();
    if (input) save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <FormDrawer
      opened={target !== null}
      size={560}
      title={current ? `${t('engagement.notices.edit')}: ${current.title}` : t('engagement.notices.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      note={current && <Publications notice={current} readOnly={readOnly} />}
    >
      <TextInput label={t('engagement.notices.field.title')} withAsterisk data-autofocus {...form.text('title')} />
      <TextInput label={t('engagement.notices.field.audience')} {...form.text('audience')} />
      <MultiSelect
        label={t('engagement.notices.field.settlements')}
        withAsterisk
        searchable
        data={(territory.data?.settlements ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name }))}
        {...form.multi('settlementIds')}
      />
      <Group grow align="flex-start">
        <TextInput type="datetime-local" label={t('engagement.notices.field.publishAt')} withAsterisk {...form.text('publishAt')} />
        <TextInput type="datetime-local" label={t('engagement.notices.field.validUntil')} withAsterisk {...form.text('validUntil')} />
      </Group>
      <Textarea label={t('engagement.notices.field.postText')} withAsterisk autosize minRows={3} maxRows={6} {...form.text('postText')} />
      <Textarea label={t('engagement.notices.field.publicText')} withAsterisk autosize minRows={2} maxRows={5} {...form.text('publicText')} />
      <Textarea
        label={t('engagement.notices.field.smsText')}
        autosize
        minRows={2}
        description={form.hint('smsText', t('engagement.notices.sms', { chars: sms.chars, segments: sms.segments, per: sms.perSegment }))}
        {...form.text('smsText')}
      />
    </FormDrawer>
  );
}

function Publications({ notice, readOnly }: { notice: NoticeRow; readOnly: boolean }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const [links, setLinks] = useState<Record<string, string>>({});
  const publish = useAction(markPublished, keys.notices, t('common.saved'));
  const remove = useAction(unpublish, keys.notices);
  const byChannel = new Map(notice.publications.map((p) => [p.channel, p]));
  return (
    <Stack gap={6} mt="sm">
      <Title order={4}>{t('engagement.notices.publications')}</Title>
      {NOTICE_CHANNELS.map((c: NoticeChannel) => {
        const p = byChannel.get(c);
        const name = t(`engagement.notices.channel.${c}`);
        return (
          <Group key={c} gap="xs" wrap="nowrap" align="center">
            <Text size="sm" w={140}>{name}</Text>
            {p ? (
              <>
                <Text size="sm" c="green.8">{formatDateTime(p.publishedAt, tz)}</Text>
                {p.link && <Anchor href={p.link} target="_blank" rel="noopener noreferrer" size="sm" truncate maw={180}>{p.link}</Anchor>}
                {!readOnly && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => remove.mutate({ id: notice.id, channel: c })}>{t('engagement.notices.unpublish', { channel: name })}</Button>}
              </>
            ) : (
              !readOnly && (
                <>
                  {c !== 'public_page' && <TextInput size="xs" flex={1} aria-label={`${t('engagement.notices.link')}: ${name}`} placeholder={t('engagement.notices.link')} value={links[c] ?? ''} onChange={(e) => setLinks({ ...links, [c]: e.currentTarget.value })} />}
                  <Button size="compact-xs" variant="light" aria-label={`${t('engagement.notices.publish')}: ${name}`} onClick={() => publish.mutate({ id: notice.id, channel: c, link: links[c] ?? '' })}>{t('engagement.notices.publish')}</Button>
                </>
              )
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
