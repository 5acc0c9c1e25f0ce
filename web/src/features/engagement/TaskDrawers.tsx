import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Drawer, FileInput, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TASK_KINDS, recommendationInput, taskInput } from '../../../../domain/engagement/schemas';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { acceptTask, createRecommendation, createTask, decideReport, fileUrl, keys, sendReport, useAction, type Assignment, type FileRef, type TasksView } from './engagement.api';

export type RegionTask = Extract<TasksView, { view: 'region' }>['items'][number];
export type MunicipalTask = Extract<TasksView, { view: 'municipality' }>['items'][number];

export function StatusBadge({ status }: { status: Assignment['status'] }) {
  const { t } = useTranslation();
  const color = { new: 'blue', accepted: 'cyan', reported: 'violet', done: 'green', returned: 'orange' }[status];
  return <Badge size="sm" variant="light" tt="none" color={color}>{t(`engagement.tasks.status.${status}`)}</Badge>;
}

export function Files({ files }: { files: FileRef[] }) {
  return (
    <Group gap={6}>
      {files.map((f) => <Anchor key={f.id} href={fileUrl(f.id)} size="sm" download>{f.fileName}</Anchor>)}
    </Group>
  );
}

const taskValues = () => ({ kind: 'info_project' as string | null, title: '', description: '', dueOn: '', municipalityIds: [] as string[] });

/** The ЦУР sets a task for one, several or all municipalities. */
export function TaskForm({ opened, municipalities, onClose }: { opened: boolean; municipalities: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: taskInput, initial: taskValues(), toInput: (v) => ({ ...v, description: v.description || null }) });
  const save = useAction(createTask, keys.tasks, t('common.created'), true);
  useEffect(() => form.reset(taskValues()), [opened]);
  const submit = () => {
    const input = form.validate();
    if (input) save.mutate(input, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <FormDrawer opened={opened} title={t('engagement.tasks.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError}>
      <Select label={t('engagement.tasks.field.kind')} withAsterisk allowDeselect={false} data={TASK_KINDS.map((k) => ({ value: k, label: t(`engagement.tasks.kind.${k}`) }))} {...form.select('kind')} />
      <TextInput label={t('engagement.tasks.field.title')} withAsterisk data-autofocus {...form.text('title')} />
      <Textarea label={t('engagement.tasks.field.description')} autosize minRows={3} {...form.text('description')} />
      <TextInput type="date" label={t('engagement.tasks.field.dueOn')} withAsterisk {...form.text('dueOn')} />
      <MultiSelect label={t('engagement.tasks.field.municipalities')} searchable data={municipalities.map((m) => ({ value: m.id, label: m.name }))} {...form.multi('municipalityIds')} />
    </FormDrawer>
  );
}

/** The ЦУР's view of one task: each municipality's status and report; accept or return. */
export function RegionTaskDrawer({ task, onClose }: { task: RegionTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const decide = useAction(decideReport, keys.tasks, t('common.saved'));
  return (
    <Drawer opened={task !== null} onClose={onClose} title={task?.title} size={720} position="right" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {task && (
        <Stack gap="sm">
          <Text size="sm">{t(`engagement.tasks.kind.${task.kind as 'other'}`)} · {t('engagement.tasks.col.due')}: {formatDate(task.dueOn)}</Text>
          {task.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Text>}
          <Textarea label={t('engagement.tasks.field.comment')} autosize minRows={1} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          <Table aria-label={t('engagement.tasks.statuses')} fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('engagement.tasks.col.municipality')}</Table.Th>
                <Table.Th>{t('engagement.tasks.col.status')}</Table.Th>
                <Table.Th>{t('engagement.tasks.col.report')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {task.assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.municipality}</Table.Td>
                  <Table.Td><StatusBadge status={a.status} /></Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.reportText}</Text>
                    <Files files={a.files} />
                  </Table.Td>
                  <Table.Td>
                    {a.status === 'reported' && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" color="green" onClick={() => decide.mutate({ id: a.id, decision: 'accept', comment })}>{t('engagement.tasks.acceptReport')}</Button>
                        <Button size="compact-xs" variant="light" color="orange" onClick={() => decide.mutate({ id: a.id, decision: 'return', comment })}>{t('engagement.tasks.returnReport')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Drawer>
  );
}

/** The МЦУ's view of a task: accept it, answer with a report and files. */
export function MunicipalTaskDrawer({ task, canManage, onClose }: { task: MunicipalTask | null; canManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const accept = useAction(acceptTask, keys.tasks, t('common.saved'));
  const report = useAction(sendReport, keys.tasks, t('common.saved'));
  useEffect(() => {
    setText(task?.reportText ?? '');
    setFiles([]);
  }, [task?.id]);
  const open = task && ['new', 'accepted', 'returned'].includes(task.status);
  return (
    <Drawer opened={task !== null} onClose={onClose} title={task?.title} size={560} position="right" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {task && (
        <Stack gap="sm">
          <Group gap="xs">
            <StatusBadge status={task.status} />
            <Text size="sm">{t(`engagement.tasks.kind.${task.kind as 'other'}`)} · {t('engagement.tasks.col.due')}: {formatDate(task.dueOn)}</Text>
          </Group>
          {task.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Text>}
          {task.regionComment && <Alert color="orange" variant="light" p="xs" title={t('engagement.tasks.regionComment')}>{task.regionComment}</Alert>}
          {task.files.length > 0 && <Files files={task.files} />}
          {canManage && task.status === 'new' && <Button variant="light" onClick={() => accept.mutate(task.id)} loading={accept.isPending}>{t('engagement.tasks.accept')}</Button>}
          {canManage && open ? (
            <>
              <Textarea label={t('engagement.tasks.field.report')} autosize minRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              <FileInput label={t('engagement.tasks.field.files')} multiple clearable value={files} onChange={setFiles} />
              <Button onClick={() => report.mutate({ id: task.id, text, files }, { onSuccess: onClose })} loading={report.isPending} disabled={!text.trim()}>{t('engagement.tasks.sendReport')}</Button>
            </>
          ) : (
            task.reportText && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{task.reportText}</Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

const recValues = () => ({ title: '', body: '', issuedOn: new Date().toISOString().slice(0, 10), municipalityId: null as string | null });

/** The ЦУР adds a recommendation (for one municipality or all) with its files. */
export function RecommendationForm({ opened, municipalities, onClose }: { opened: boolean; municipalities: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: recommendationInput, initial: recValues() });
  const [files, setFiles] = useState<File[]>([]);
  const save = useAction(createRecommendation, keys.recommendations, t('common.created'), true);
  useEffect(() => {
    form.reset(recValues());
    setFiles([]);
  }, [opened]);
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    const fields: Record<string, string> = { title: input.title, issuedOn: input.issuedOn, body: input.body ?? '', municipalityId: input.municipalityId ?? '' };
    save.mutate({ fields, files }, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <FormDrawer opened={opened} title={t('engagement.tasks.newRecommendation')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError}>
      <TextInput label={t('engagement.tasks.rec.title')} withAsterisk data-autofocus {...form.text('title')} />
      <Textarea label={t('engagement.tasks.rec.body')} autosize minRows={3} {...form.text('body')} />
      <TextInput type="date" label={t('engagement.tasks.rec.issuedOn')} withAsterisk {...form.text('issuedOn')} />
      <Select label={t('engagement.tasks.rec.municipality')} placeholder={t('engagement.tasks.rec.all')} clearable data={municipalities.map((m) => ({ value: m.id, label: m.name }))} {...form.select('municipalityId')} />
      <FileInput label={t('engagement.tasks.rec.files')} multiple clearable value={files} onChange={setFiles} />
    </FormDrawer>
  );
}
