import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCan, useTimeZone } from '../auth/session';
import { formatDateTime } from '../../lib/format';
import { noteQuery, type NoteBlock, type NoteDetail, type NoteTexts } from './reports.api';

/** The preview: the same blocks the DOCX is drawn from, laid out like the page. */
function Preview({ note }: { note: NoteDetail }) {
  const d = note.document;
  const block = (b: NoteBlock, i: number) => {
    switch (b.kind) {
      case 'heading':
        return <Text key={i} fw={700} mt="sm">{b.text}</Text>;
      case 'paragraph':
        return <Text key={i} style={{ textIndent: '1.25cm', textAlign: 'justify' }}>{b.text}</Text>;
      case 'list':
        return <Stack key={i} gap={2}>{b.items.map((x, j) => <Text key={j} style={{ textIndent: '1.25cm' }}>– {x}</Text>)}</Stack>;
      case 'freeText':
        return <Text key={i} style={{ textIndent: '1.25cm', whiteSpace: 'pre-wrap' }} c={b.text ? undefined : 'dimmed'} data-field={b.field}>{b.text || '—'}</Text>;
      case 'image':
        return (
          <Stack key={i} gap={2} align="center">
            <img src={`/api/reports/notes/${note.id}/charts/${b.chart}?t=${encodeURIComponent(note.generatedAt)}`} alt={b.caption} style={{ maxWidth: '100%' }} />
            <Text size="sm">{b.caption}</Text>
          </Stack>
        );
      case 'table':
        return (
          <Table key={i} withTableBorder withColumnBorders striped={false} fz="sm" verticalSpacing={2}>
            <Table.Thead><Table.Tr>{b.columns.map((c, j) => <Table.Th key={j} ta="center">{c}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>{b.rows.map((r, k) => <Table.Tr key={k}>{r.map((c, j) => <Table.Td key={j} ta={b.align[j]}>{c}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
          </Table>
        );
    }
  };
  return (
    <Paper withBorder p="lg" style={{ fontFamily: '"Times New Roman", serif', fontSize: 15, lineHeight: 1.35 }} aria-label="Предпросмотр записки">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} w="48%"><Text fw={700} style={{ whiteSpace: 'pre-line' }}>{d.fromWhom}</Text><Text>{d.date}</Text></Stack>
        <Text w="45%" style={{ whiteSpace: 'pre-line' }}>{d.addressee}</Text>
      </Group>
      <Text ta="center" fw={700} mt="lg">{d.title}</Text>
      <Text ta="center" fw={700} mb="md">{d.subject}</Text>
      <Stack gap={6}>{d.blocks.map(block)}</Stack>
      <Group justify="space-between" mt="xl"><Text style={{ whiteSpace: 'pre-line' }}>{d.signature.position}</Text><Text>{d.signature.name}</Text></Group>
    </Paper>
  );
}

/** One note: preview on the left, the free-text parts, issue and the issued versions on the right. */
export function NoteView({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan()('reports.manage');
  const tz = useTimeZone();
  const qc = useQueryClient();
  const note = useQuery(noteQuery(id));
  const [texts, setTexts] = useState<NoteTexts | null>(null);
  useEffect(() => {
    if (note.data) setTexts(note.data.texts);
  }, [note.data]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['reports'] });
  const save = useMutation({
    mutationFn: (x: NoteTexts) => api.patch<NoteDetail>(`/api/reports/notes/${id}`, x),
    onSuccess: (d) => {
      qc.setQueryData(noteQuery(id).queryKey, d);
      notifications.show({ color: 'green', message: t('common.saved') });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const issue = useMutation({
    mutationFn: async () => {
      if (texts) await api.patch(`/api/reports/notes/${id}`, texts);
      return api.post<{ version: number }>(`/api/reports/notes/${id}/issue`);
    },
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: t('reports.notes.issued', { v: r.version }) });
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const recompute = useMutation({
    mutationFn: () => api.post<NoteDetail>(`/api/reports/notes/${id}/refresh`),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('reports.notes.refreshed') });
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  if (!note.data || !texts) return <Text c="dimmed">{note.error ? errorMessage(note.error) : t('common.loading')}</Text>;
  const n = note.data;
  const set = (k: keyof NoteTexts) => (e: { currentTarget: { value: string } }) => setTexts({ ...texts, [k]: e.currentTarget.value });
  return (
    <div style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', flex: '1 1 auto', minHeight: 0 }}>
      <ScrollArea style={{ flex: '1 1 auto' }} type="auto">
        <Preview note={n} />
      </ScrollArea>
      <ScrollArea w={380} style={{ flex: '0 0 380px' }} type="auto">
        <Stack gap="xs" pr="xs">
          <Group justify="space-between">
            <Anchor component={Link} to="/reports/notes" size="sm"><IconArrowLeft size={14} aria-hidden /> {t('reports.notes.back')}</Anchor>
            <Badge variant="light" color={n.status === 'issued' ? 'green' : 'gray'}>{t(`reports.noteStatus.${n.status}`)}</Badge>
          </Group>
          <Title order={3}>{t('reports.notes.edit')}</Title>
          <TextInput size="xs" label={t('reports.notes.addressee')} placeholder={n.defaults.addressee} value={texts.addressee} onChange={set('addressee')} disabled={!can} />
          <TextInput size="xs" label={t('reports.notes.signer')} placeholder={n.defaults.signer} value={texts.signer} onChange={set('signer')} disabled={!can} />
          <Textarea size="xs" label={t('reports.notes.conclusions')} autosize minRows={4} maxRows={10} value={texts.conclusions} onChange={set('conclusions')} disabled={!can} />
          <Textarea size="xs" label={t('reports.notes.recommendations')} autosize minRows={4} maxRows={10} value={texts.recommendations} onChange={set('recommendations')} disabled={!can} />
          {can && (
            <Group gap="xs">
              <Button size="xs" variant="default" loading={save.isPending} onClick={() => save.mutate(texts)}>{t('reports.notes.saveText')}</Button>
              <Button size="xs" loading={issue.isPending} onClick={() => issue.mutate()}>{n.versions.length ? t('reports.notes.reissue') : t('reports.notes.issue')}</Button>
              {n.status === 'draft' && <Button size="xs" variant="subtle" loading={recompute.isPending} onClick={() => recompute.mutate()}>{t('reports.notes.refresh')}</Button>}
            </Group>
          )}
          <Title order={4} mt="sm">{t('reports.notes.versionsTitle')}</Title>
          {n.versions.map((v) => (
            <Group key={v.id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0}>
                <Text size="sm">{t('reports.notes.version', { v: v.version })}</Text>
                <Text size="xs" c="dimmed">{t('reports.notes.issuedBy', { who: v.issuedBy ?? '—', when: formatDateTime(v.issuedAt, tz) })}</Text>
              </Stack>
              <Button size="compact-xs" variant="default" component="a" href={`/api/reports/notes/${n.id}/versions/${v.version}/docx`} leftSection={<IconDownload size={13} aria-hidden />}>
                {t('reports.notes.download')}
              </Button>
            </Group>
          ))}
        </Stack>
      </ScrollArea>
    </div>
  );
}
