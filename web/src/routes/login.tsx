import { useState } from 'react';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { createRoute, redirect, useNavigate, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { loginInput } from '../../../domain/users/schemas';
import { login, meQuery } from '../features/auth/session';
import { useZodForm } from '../lib/form';
import { rootRoute } from './root';

interface LoginSearch {
  redirect?: string;
}

/** Only same-site paths: a crafted ?redirect= must not send the user elsewhere. */
function safeRedirect(target: string | undefined): string | null {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : null;
}

function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const router = useRouter();
  const navigate = useNavigate();
  const search = loginRoute.useSearch();
  const [busy, setBusy] = useState(false);
  const form = useZodForm({ schema: loginInput, initial: { login: '', password: '' }, toInput: (v) => v });

  const submit = async () => {
    const input = form.validate();
    if (!input) return;
    setBusy(true);
    try {
      await login(input);
      const me = await qc.fetchQuery({ ...meQuery, staleTime: 0 });
      const target = safeRedirect(search.redirect) ?? me?.landing ?? '/directory';
      await router.invalidate();
      await navigate({ href: target, replace: true });
    } catch (e) {
      form.showServerError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100%" p="md" bg="gray.1">
      <Paper withBorder shadow="xs" p="xl" w={380} radius="sm">
        <form
          noValidate
          aria-label={t('auth.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Box>
              <Text fw={700} c="steel.8" size="lg">
                {t('app.name')}
              </Text>
              <Title order={1} mt={2}>
                {t('auth.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('auth.subtitle')}
              </Text>
            </Box>
            {form.formError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={16} aria-hidden />} p="xs" role="alert">
                {form.formError}
              </Alert>
            )}
            <TextInput label={t('auth.login')} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} {...form.text('login')} />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              {...form.text('password')}
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('auth.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('auth.hint')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
  }),
  beforeLoad: async ({ context }) => {
    const me = context.queryClient.getQueryData(meQuery.queryKey);
    if (me) throw redirect({ href: me.landing });
  },
  component: LoginPage,
});
