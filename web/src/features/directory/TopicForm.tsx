import { useEffect } from 'react';
import { Checkbox, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { topicInput } from '../../../../domain/directory/schemas';
import type { Topic, TopicBlock } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { StatusIntro } from '../../components/StatusIntro';
import { blanksToNull, useZodForm } from '../../lib/form';
import { useSaveTopic } from './directory.api';

/** Edit a topic, or create one; `parentId` pre-fills the parent of a new sub-topic. */
export type TopicTarget = Topic | { new: true; parentId: string | null; blockId: string | null } | null;

interface Props {
  target: TopicTarget;
  topics: Topic[];
  blocks: TopicBlock[];
  readOnly: boolean;
  onClose: () => void;
}

function valuesOf(target: TopicTarget) {
  const topic = target && !('new' in target) ? target : null;
  const draft = target && 'new' in target ? target : null;
  return {
    code: topic?.code ?? '',
    name: topic?.name ?? '',
    parentId: topic?.parentId ?? draft?.parentId ?? null,
    blockId: topic?.blockId ?? draft?.blockId ?? null,
    priority: topic?.priority ?? false,
    sort: topic?.sort ?? 0,
  };
}

export function TopicForm({ target, topics, blocks, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const current = target && !('new' in target) ? target : null;
  const form = useZodForm({
    schema: topicInput,
    initial: valuesOf(target),
    toInput: (v) => ({ ...blanksToNull(v), sort: v.sort ?? 0 }),
  });
  const save = useSaveTopic();
  useEffect(() => form.reset(valuesOf(target)), [target]);

  const hasChildren = current ? topics.some((x) => x.parentId === current.id) : false;
  const parentOptions = topics
    .filter((x) => !x.parentId && x.id !== current?.id && (x.isActive || x.id === current?.parentId))
    .map((x) => ({ value: x.id, label: x.name }));
  const blockOptions = blocks.filter((b) => b.isActive || b.id === current?.blockId).map((b) => ({ value: b.id, label: b.name }));

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? t('topics.editTopic') : t('topics.newTopic')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      intro={current && <StatusIntro isActive={current.isActive} />}
    >
      <TextInput label={t('topics.field.name')} withAsterisk data-autofocus {...form.text('name')} />
      <TextInput label={t('topics.field.code')} withAsterisk spellCheck={false} {...form.text('code')} />
      <Select
        label={t('topics.field.parent')}
        description={t('topics.field.parentHint')}
        data={parentOptions}
        clearable
        searchable
        disabled={hasChildren}
        {...form.select('parentId')}
      />
      <Group grow align="flex-start">
        <Select label={t('topics.field.block')} data={blockOptions} clearable {...form.select('blockId')} />
        <NumberInput label={t('topics.field.sort')} hideControls allowDecimal={false} allowNegative={false} {...form.number('sort')} />
      </Group>
      <Checkbox label={t('topics.priorityLong')} description={t('topics.priorityHint')} {...form.checkbox('priority')} />
    </FormDrawer>
  );
}
