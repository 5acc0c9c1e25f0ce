import { useEffect, useMemo } from 'react';
import { ActionIcon, Button, Group, Input, Paper, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { userInput } from '../../../../domain/users/schemas';
import type { Recipient, Role, RoleAssignment, TopicBlock, User } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { StatusIntro } from '../../components/StatusIntro';
import { blanksToNull, useZodForm } from '../../lib/form';
import { useSaveUser } from './users.api';

interface Props {
  target: User | 'new' | null;
  roles: Role[];
  recipients: Recipient[];
  blocks: TopicBlock[];
  onClose: () => void;
}

function valuesOf(u: User | null) {
  return {
    login: u?.login ?? '',
    fullName: u?.fullName ?? '',
    position: u?.position ?? '',
    email: u?.email ?? '',
    phone: u?.phone ?? '',
    recipientId: u?.recipientId ?? null,
    password: '',
    roles: (u?.roles ?? []).map((r) => ({ ...r })) as RoleAssignment[],
  };
}

export function UserForm({ target, roles, recipients, blocks, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  // The server asks for a password only when creating; say so before the round trip.
  const schema = useMemo(
    () => (current ? userInput : userInput.extend({ password: userInput.shape.password.unwrap() })),
    [current],
  );
  const form = useZodForm({
    schema,
    initial: valuesOf(current),
    // An empty password means «do not change»: the schema wants it absent, not null.
    toInput: (v) => ({ ...blanksToNull(v), password: v.password ? v.password : undefined, roles: v.roles }),
  });
  const save = useSaveUser();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const assignments = form.values.roles;
  const setAssignments = (next: RoleAssignment[]) => form.setValue('roles', next);
  const patch = (i: number, change: Partial<RoleAssignment>) => setAssignments(assignments.map((a, j) => (j === i ? { ...a, ...change } : a)));

  const recipientOptions = recipients.filter((r) => r.isActive || r.id === current?.recipientId).map((r) => ({ value: r.id, label: r.shortName || r.name }));
  const roleOptions = roles.filter((r) => r.isActive).map((r) => ({ value: r.code, label: r.name }));
  const blockOptions = blocks.filter((b) => b.isActive).map((b) => ({ value: b.id, label: b.name }));

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('users.edit')}: ${current.fullName}` : t('users.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      size={600}
      intro={current && !current.isActive && <StatusIntro isActive={false} />}
    >
      <TextInput label={t('users.field.fullName')} withAsterisk data-autofocus {...form.text('fullName')} />
      <Group grow align="flex-start">
        <TextInput label={t('users.field.login')} description={form.hint('login', t('users.field.loginHint'))} withAsterisk autoComplete="off" spellCheck={false} {...form.text('login')} />
        <PasswordInput
          label={current ? t('users.field.newPassword') : t('users.field.password')}
          description={form.hint('password', current ? t('users.field.passwordHintEdit') : t('users.field.passwordHintNew'))}
          withAsterisk={!current}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          {...form.text('password')}
        />
      </Group>
      <TextInput label={t('users.field.position')} {...form.text('position')} />
      <Select label={t('users.field.recipient')} data={recipientOptions} clearable searchable {...form.select('recipientId')} />
      <Group grow align="flex-start">
        <TextInput label={t('users.field.email')} type="email" {...form.text('email')} />
        <TextInput label={t('users.field.phone')} type="tel" {...form.text('phone')} />
      </Group>

      <Stack gap={6} role="group" aria-label={t('users.field.roles')}>
        <Group justify="space-between">
          <Input.Label>{t('users.field.roles')}</Input.Label>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAssignments([...assignments, { roleCode: '', recipientId: null, blockId: null }])}>
            {t('users.field.addRole')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('users.field.scopeHint')}
        </Text>
        {form.error('roles') && (
          <Text size="xs" c="red.8" role="alert">
            {form.error('roles')}
          </Text>
        )}
        {assignments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('users.field.noRoles')}
          </Text>
        )}
        {assignments.map((a, i) => (
          <Paper key={i} withBorder p="xs" radius="sm">
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Select
                label={t('users.field.role')}
                aria-label={t('users.field.roleN', { n: i + 1 })}
                data={roleOptions}
                value={a.roleCode || null}
                onChange={(v) => patch(i, { roleCode: v ?? '' })}
                error={form.error(`roles.${i}.roleCode`)}
                searchable
                allowDeselect={false}
                style={{ flex: '1 1 40%' }}
              />
              <Select
                label={t('users.field.scopeRecipient')}
                aria-label={t('users.field.scopeRecipientN', { n: i + 1 })}
                placeholder={t('users.field.scopeAny')}
                data={recipientOptions}
                value={a.recipientId}
                onChange={(v) => patch(i, { recipientId: v })}
                error={form.error(`roles.${i}.recipientId`)}
                clearable
                searchable
                style={{ flex: '1 1 30%' }}
              />
              <Select
                label={t('users.field.scopeBlock')}
                aria-label={t('users.field.scopeBlockN', { n: i + 1 })}
                placeholder={t('users.field.scopeAny')}
                data={blockOptions}
                value={a.blockId}
                onChange={(v) => patch(i, { blockId: v })}
                error={form.error(`roles.${i}.blockId`)}
                clearable
                style={{ flex: '1 1 30%' }}
              />
              <ActionIcon mt={26} aria-label={t('users.field.removeRole', { n: i + 1 })} onClick={() => setAssignments(assignments.filter((_, j) => j !== i))}>
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
      </Stack>
    </FormDrawer>
  );
}
