import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import { fieldMessage } from '../../lib/form';

/**
 * «Найти моё обращение»: the number and the phone or e-mail given with it lead to the status page
 * (a fresh secret link). The server answers the same for a wrong number and a wrong contact.
 */
export function FindMyCase({ tenantCode }: { tenantCode: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [contact, setContact] = useState('');
  const find = useMutation({
    mutationFn: () => api.post<{ token: string }>('/api/public/cases/find', { tenant: tenantCode, number, contact }, { quiet401: true }),
    onSuccess: ({ token }) => void navigate({ to: '/p/$token', params: { token } as never }),
  });
  const fields = find.error instanceof ApiError ? find.error.fields : {};
  const generalError = find.error && !fields.number && !fields.contact ? errorMessage(find.error) : null;
  return (
    <Paper withBorder radius="sm" p={{ base: 'sm', sm: 'lg' }} component="section" id="find-my-case" aria-labelledby="find-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!find.isPending) find.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="find-title">
            {t('publicForm.find.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('publicForm.find.lead')}
          </Text>
          {generalError && (
            <Alert color="red" variant="light" p="xs" role="alert">
              {generalError}
            </Alert>
          )}
          <Group align="flex-start" gap="xs" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput label={t('publicForm.find.number')} placeholder="63622-2026-000123" maxLength={40} required value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={fields.number && fieldMessage(fields.number)} miw={200} />
            <TextInput label={t('publicForm.find.contact')} maxLength={300} required autoComplete="tel email" value={contact} onChange={(e) => setContact(e.currentTarget.value)} error={fields.contact && fieldMessage(fields.contact)} miw={200} />
          </Group>
          <Group>
            <Button type="submit" variant="default" loading={find.isPending}>
              {t('publicForm.find.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
