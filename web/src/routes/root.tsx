import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { Link, Outlet, createRootRouteWithContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export interface RouterContext {
  queryClient: QueryClient;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="xl">
      <Paper withBorder p="lg" maw={520}>
        <Stack gap="sm">
          <Title order={1}>{t('errors.pageNotFound')}</Title>
          <Text>{t('errors.pageNotFoundText')}</Text>
          <Button component={Link} to="/" w="fit-content">
            {t('errors.toStart')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

function Crashed() {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="xl">
      <Paper withBorder p="lg" maw={560}>
        <Stack gap="sm">
          <Title order={1}>{t('errors.crashed')}</Title>
          <Text>{t('errors.crashedText')}</Text>
          <Button onClick={() => window.location.reload()} w="fit-content">
            {t('errors.reload')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: Crashed,
});
