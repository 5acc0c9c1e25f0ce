import { useState } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  isActive: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Keys of Open311 clients: issue one (shown once), revoke or re-enable. */
export function ApiKeys() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<{ items: ApiKey[] }>('/api/api-keys') });
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<ApiKey & { key: string }>('/api/api-keys', { name }),
    onSuccess: (k) => {
      setIssued({ name: k.name, key: k.key });
      setName('');
      return qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (k: ApiKey) => api.patch<ApiKey>(`/api/api-keys/${k.id}/active`, { isActive: !k.isActive }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const columns: DataTableColumn<ApiKey>[] = [
    { key: 'name', header: t('imports.keyName'), value: (k) => k.name },
    { key: 'prefix', header: 'Начало ключа', value: (k) => `${k.prefix}…`, width: 140 },
    { key: 'state', header: t('imports.col.status'), value: (k) => (k.isActive ? t('imports.keyActive') : t('imports.keyRevoked')), width: 120, render: (k) => <Badge variant="light" color={k.isActive ? 'teal' : 'gray'} tt="none">{k.isActive ? t('imports.keyActive') : t('imports.keyRevoked')}</Badge> },
    { key: 'created', header: t('imports.keyCreated'), value: (k) => k.createdAt, render: (k) => formatDateTime(k.createdAt), width: 150 },
    { key: 'used', header: t('imports.keyLastUsed'), value: (k) => k.lastUsedAt ?? '', render: (k) => formatDateTime(k.lastUsedAt), width: 190 },
  ];
  return (
    <Stack gap="sm" style={{ flex: '1 1 auto', minHeight: 0 }}>
      <Text size="sm" c="dimmed">
        {t('imports.keysHint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput label={t('imports.keyName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={320} maxLength={200} />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('imports.keyCreate')}
          </Button>
        </Group>
      </form>
      {create.error && <Alert color="red" variant="light" p="xs">{errorMessage(create.error)}</Alert>}
      {issued && (
        <Alert color="teal" variant="light" p="xs" withCloseButton onClose={() => setIssued(null)} role="status">
          <Text size="sm">{t('imports.keyShown', { name: issued.name })}</Text>
          <Group gap="xs" mt={4}>
            <Code>{issued.key}</Code>
            <CopyButton value={issued.key}>{({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? t('publicForm.copied') : 'Скопировать'}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      <DataTable
        label={t('imports.keysLabel')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        columns={columns}
        rowKey={(k) => k.id}
        isInactive={(k) => !k.isActive}
        inactiveLabel={t('imports.keyRevoked')}
        actionsWidth={110}
        rowActions={(k) => (
          <Button size="compact-xs" variant="subtle" color={k.isActive ? 'red' : undefined} aria-label={k.isActive ? t('imports.keyRevokeOf', { name: k.name }) : t('imports.keyActivateOf', { name: k.name })} onClick={() => toggle.mutate(k)}>
            {k.isActive ? t('imports.keyRevoke') : t('imports.keyActivate')}
          </Button>
        )}
      />
    </Stack>
  );
}
