import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconLink, IconPaperclip } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, noteInput } from '../../../../../domain/cases/schemas';
import { errorMessage } from '../../../api/errors';
import i18n from '../../../i18n';
import { useCan, useTimeZone } from '../../auth/session';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { useZodForm } from '../../../lib/form';
import type { CaseCard } from '../case-types';
import { useCaseAction, useUploadFile } from '../cases.api';
import { StatusBadge } from '../CaseBadges';
import { Section } from './Section';

/** Internal notes: staff only, never shown to the applicant. */
export function NotesSection({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const add = useCaseAction(card.id);
  const form = useZodForm({ schema: noteInput, initial: { text: '' } });
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    add.mutate(
      { action: 'notes', body: input },
      {
        onSuccess: () => {
          form.reset({ text: '' });
          notifications.show({ message: t('caseActionDone.note'), color: 'green', autoClose: 2000 });
        },
        onError: form.showServerError,
      },
    );
  };
  return (
    <Section title={t('card.notes')}>
      <Stack gap="xs">
        {card.notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('card.noNotes')}
          </Text>
        )}
        {card.notes.map((n) => (
          <div key={n.id}>
            <Text size="xs" c="dimmed">
              {n.author ?? t('card.system')}, {formatDateTime(n.createdAt, tz)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {n.text}
            </Text>
          </div>
        ))}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap={6}>
            <Textarea
              aria-label={t('card.notePlaceholder')}
              placeholder={t('card.notePlaceholder')}
              description={form.hint('text', t('card.notesHint'))}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={CASE_LIMITS.note}
              {...form.text('text')}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
              }}
            />
            {form.formError && (
              <Text size="sm" c="red.8" role="alert">
                {form.formError}
              </Text>
            )}
            <Button type="submit" size="xs" variant="default" w="fit-content" loading={add.isPending}>
              {t('card.addNote')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Section>
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? i18n.t('card.sizeMb', { n: formatNumber(bytes / 1024 / 1024, 1) }) : i18n.t('card.sizeKb', { n: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
}

/** Photos and documents: upload (10 MB, type checked by the server), download as an attachment. */
export function FilesSection({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const can = useCan();
  const upload = useUploadFile(card.id);
  const mayUpload = can('cases.register') || can('cases.work') || can('cases.review');
  const onFile = (file: File | null) => {
    if (!file) return;
    if (file.size > CASE_LIMITS.fileBytes) {
      notifications.show({ message: t('card.tooLarge'), color: 'red' });
      return;
    }
    upload.mutate(file, {
      onSuccess: (f) => notifications.show({ message: t('caseActionDone.attach', { name: f.fileName }), color: 'green', autoClose: 2500 }),
      onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
    });
  };
  return (
    <Section
      title={t('card.files')}
      actions={
        mayUpload && (
          <FileButton onChange={onFile} accept={CASE_LIMITS.mimeTypes.join(',')}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="default" leftSection={<IconPaperclip size={13} aria-hidden />} loading={upload.isPending} title={t('card.uploadHint')}>
                {t('card.upload')}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      {card.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.noFiles')}
        </Text>
      ) : (
        <Stack gap={4}>
          {card.files.map((f) => (
            <Group key={f.id} gap={6} wrap="nowrap">
              <ActionIcon component="a" href={`/api/cases/${card.id}/files/${f.id}`} download aria-label={t('card.download', { name: f.fileName })} size="sm">
                <IconDownload size={14} aria-hidden />
              </ActionIcon>
              <Anchor href={`/api/cases/${card.id}/files/${f.id}`} download size="sm" truncate="end" miw={0}>
                {f.fileName}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
                {formatSize(f.size)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** Related cases and duplicates, each a link to its card; «Связать» for those who route cases. */
export function RelatedSection({ card, onLink }: { card: CaseCard; onLink: () => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const canLink = useCan()('cases.route');
  return (
    <Section
      title={t('card.related')}
      actions={
        canLink && (
          <Button size="compact-xs" variant="default" leftSection={<IconLink size={13} aria-hidden />} onClick={onLink}>
            {t('caseAction.link')}
          </Button>
        )
      }
    >
      <Stack gap={4}>
        {card.related.length === 0 && card.duplicates.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('card.noRelated')}
          </Text>
        )}
        {card.related.map((r) => (
          <Group key={r.id} gap={6} wrap="nowrap">
            <Anchor size="sm" className="tabular" style={{ flex: 'none' }} renderRoot={(props) => <Link {...props} to="/cases/$id" params={{ id: r.id }} />}>
              № {r.number}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
              {formatDate(r.receivedAt, tz)}
            </Text>
            <StatusBadge status={r.status} />
            <Text size="sm" truncate="end" miw={0} title={r.text}>
              {r.text}
            </Text>
          </Group>
        ))}
        {card.duplicates.length > 0 && (
          <Text size="sm">
            {t('card.duplicates')}:{' '}
            {card.duplicates.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$id" params={{ id: d.id }} />}>
                  № {d.number}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
      </Stack>
    </Section>
  );
}
