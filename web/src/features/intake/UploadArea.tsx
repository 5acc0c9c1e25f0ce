import { useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ImportJob } from './imports.api';

/** Drag a file here (or choose it): it is uploaded, checked, and the mapping screen opens. */
export function UploadArea() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportJob>('/api/imports', form);
    },
    onSuccess: (job) => {
      void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
      qc.setQueryData(['imports', 'job', job.id], job);
      void navigate({ to: '/imports/$id', params: { id: job.id } });
    },
  });
  const take = (files: FileList | null) => {
    const f = files?.[0];
    if (f) upload.mutate(f);
  };
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-steel-0, #eef3f8)' : undefined }}
      aria-label={t('imports.dropTitle')}
      role="region"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={2}>
          <Text fw={600}>{t('imports.dropTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.dropHint')}
          </Text>
        </Stack>
        {upload.isPending ? (
          <Group gap="xs" wrap="nowrap">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('imports.uploading')}</Text>
          </Group>
        ) : (
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => input.current?.click()}>
            {t('imports.choose')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          hidden
          data-testid="import-file"
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </Group>
      {upload.error && (
        <Alert color="red" variant="light" mt="xs" p="xs" role="alert">
          {errorMessage(upload.error)}
        </Alert>
      )}
    </Paper>
  );
}
