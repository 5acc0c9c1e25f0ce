import { useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { FormDrawer } from '../../components/FormDrawer';
import { api } from '../../api/client';
import { parseError } from '../../api/errors';
import { useCan } from '../auth/session';
import { POLL_KINDS, POLL_PLATFORMS, pollInput } from '../../../../domain/problems/schemas';
import { pollCandidatesQuery, pollsQuery, problemsQuery, registerHref, showError, useProblemsMutation, type Poll } from './problems.api';
import { useSubjectOptions } from './ProblemForm';
import { HrefLink } from './HrefLink';

const dmy = (d: string) => d.split('-').reverse().join('.');
type Values = { kind: string | null; title: string; platform: string | null; settlementId: string | null; startsOn: string; endsOn: string; participants: number | null; problemId: string | null; questions: string };

/** «Вопрос\nДа: 70\nНет: 50\n\nСледующий вопрос…» → questions with results. */
function parseQuestions(text: string, bad: (line: string) => string) {
  const out: { question: string; results: { option: string; votes: number }[] }[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const results = lines.slice(1).map((l) => {
      const m = /^(.+?)\s*[:—-]\s*(\d+)$/.exec(l);
      if (!m) throw new Error(bad(l));
      return { option: m[1], votes: Number(m[2]) };
    });
    out.push({ question: lines[0], results });
  }
  return out;
}

function PollForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useSubjectOptions();
  const problems = useQuery(problemsQuery());
  const empty: Values = { kind: 'poll', title: '', platform: 'pos', settlementId: null, startsOn: '', endsOn: '', participants: null, problemId: null, questions: '' };
  const [v, setV] = useState<Values>(empty);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const save = useProblemsMutation((input: unknown) => api.post('/api/polls', input), t('common.created'));
  const close = () => {
    setV(empty);
    setError(null);
    onClose();
  };
  const submit = () => {
    let questions;
    try {
      questions = parseQuestions(v.questions, (line) => t('problems.polls.questionsBad', { line }));
    } catch (e) {
      return setError((e as Error).message);
    }
    const parsed = pollInput.safeParse({ ...v, questions });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join('; '));
    save.mutate(parsed.data, { onSuccess: close, onError: (e) => setError(parseError(e).message) });
  };
  return (
    <FormDrawer opened={opened} title={t('problems.polls.new')} onClose={close} onSubmit={submit} saving={save.isPending} formError={error} size={520}>
      <TextInput label={t('problems.polls.field.title')} required data-autofocus value={v.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <Group grow>
        <Select label={t('problems.polls.field.kind')} data={POLL_KINDS.map((k) => ({ value: k, label: t(`problems.polls.kind.${k}`) }))} value={v.kind} onChange={(x) => set({ kind: x })} />
        <Select label={t('problems.polls.field.platform')} data={POLL_PLATFORMS.map((k) => ({ value: k, label: t(`problems.polls.platform.${k}`) }))} value={v.platform} onChange={(x) => set({ platform: x })} />
      </Group>
      <Select label={t('problems.polls.field.settlement')} data={options.settlements} clearable searchable value={v.settlementId} onChange={(x) => set({ settlementId: x })} />
      <Group grow>
        <TextInput type="date" label={t('problems.polls.field.startsOn')} required value={v.startsOn} onChange={(e) => set({ startsOn: e.currentTarget.value })} />
        <TextInput type="date" label={t('problems.polls.field.endsOn')} required value={v.endsOn} onChange={(e) => set({ endsOn: e.currentTarget.value })} />
        <NumberInput label={t('problems.polls.field.participants')} min={0} value={v.participants ?? ''} onChange={(x) => set({ participants: x === '' ? null : Number(x) })} />
      </Group>
      <Select label={t('problems.polls.field.problem')} data={(problems.data ?? []).map((p) => ({ value: p.id, label: p.title }))} clearable searchable value={v.problemId} onChange={(x) => set({ problemId: x })} />
      <Textarea label={t('problems.polls.field.questions')} autosize minRows={5} value={v.questions} onChange={(e) => set({ questions: e.currentTarget.value })} />
    </FormDrawer>
  );
}

/** «Опросы»: polls, votes, discussions with results; XLSX/CSV import; candidate questions. */
export function PollsView() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useQuery(pollsQuery);
  const candidates = useQuery(pollCandidatesQuery);
  const [adding, setAdding] = useState(false);
  const [errors, setErrors] = useState<{ row: number; message: string }[]>([]);
  const reset = useRef<() => void>(null);
  const importFile = useProblemsMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ imported: number; errors: { row: number; message: string }[] }>('/api/polls/import', form);
  });
  const onFile = (file: File | null) => {
    if (!file) return;
    importFile.mutate(file, {
      onSuccess: (r) => {
        setErrors(r.errors);
        if (!r.errors.length) notifications.show({ message: t('problems.polls.imported', { n: r.imported }), color: 'green' });
      },
      onError: showError,
      onSettled: () => reset.current?.(),
    });
  };
  const columns = useMemo<DataTableColumn<Poll>[]>(
    () => [
      { key: 'title', header: t('problems.polls.col.title'), value: (p) => p.title },
      { key: 'kind', header: t('problems.polls.col.kind'), width: 100, value: (p) => t(`problems.polls.kind.${p.kind}` as 'problems.polls.kind.poll'), filter: { label: t('problems.polls.col.kind'), options: POLL_KINDS.map((k) => ({ value: k, label: t(`problems.polls.kind.${k}`) })), match: (p, v) => p.kind === v, width: 150 } },
      { key: 'settlement', header: t('problems.polls.col.settlement'), width: '11%', value: (p) => p.settlement?.name ?? null },
      { key: 'dates', header: t('problems.polls.col.dates'), width: 150, value: (p) => p.startsOn, searchable: false, render: (p) => <span className="tabular">{dmy(p.startsOn)}–{dmy(p.endsOn)}</span> },
      { key: 'participants', header: t('problems.polls.col.participants'), width: 96, align: 'right', value: (p) => p.participants, searchable: false },
      { key: 'questions', header: t('problems.polls.col.questions'), width: '26%', value: (p) => p.questions.map((q) => `${q.question} ${q.results.map((r) => `${r.option}: ${r.votes}`).join(', ')}`).join(' · ') },
      { key: 'problem', header: t('problems.polls.col.problem'), width: '13%', value: (p) => p.problem?.title ?? null },
    ],
    [t],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0, flex: '1 1 auto' }}>
      {errors.length > 0 && (
        <Alert color="red" title={t('problems.polls.importFailed')} withCloseButton onClose={() => setErrors([])} mah={160} style={{ overflowY: 'auto' }}>
          {errors.map((e) => <Text key={e.row} size="sm">{e.message}</Text>)}
        </Alert>
      )}
      <div style={{ flex: '1 1 auto', minHeight: 200, display: 'flex', flexDirection: 'column' }}>
        <DataTable label={t('problems.polls.label')} rows={list.data} columns={columns} rowKey={(p) => p.id} loading={list.isPending} error={list.error}
          toolbar={can('problems.manage') && (
            <Group gap="xs">
              <FileButton resetRef={reset} accept=".xlsx,.csv,text/csv" onChange={onFile}>
                {(props) => <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={importFile.isPending} title={t('problems.polls.importHelp')} {...props}>{t('problems.polls.import')}</Button>}
              </FileButton>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>{t('problems.polls.add')}</Button>
            </Group>
          )} />
      </div>
      <Paper withBorder p="xs" mah={230} style={{ overflowY: 'auto' }}>
        <Title order={3} size="h5" mb={4}>{t('problems.polls.candidates')}</Title>
        {candidates.data && !candidates.data.items.length && <Text size="sm" c="dimmed">{t('problems.polls.noCandidates')}</Text>}
        <Stack gap={4}>
          {candidates.data?.items.map((c) => (
            <Text key={`${c.source}:${c.key}`} size="sm">
              <Badge size="xs" variant="light" color={c.source === 'signal' ? 'orange' : 'blue'} mr={6}>{c.source === 'signal' ? t('problems.source.signal') : t('problems.tabs.list')}</Badge>
              {c.question}{' '}
              <Text span size="xs" c="dimmed">— {c.registerQuery ? <HrefLink size="xs" href={registerHref(c.registerQuery)}>{c.why}</HrefLink> : c.why}</Text>
            </Text>
          ))}
        </Stack>
      </Paper>
      <PollForm opened={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
