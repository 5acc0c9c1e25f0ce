import { useEffect, useState } from 'react';
import { Alert, Box, Button, Center, Loader, SegmentedControl, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';
import { Page } from '../components/Page';
import { useMe } from '../features/auth/session';
import { inboxQuery } from '../features/cases/cases.api';
import { InboxGroups } from '../features/cases/inbox/InboxGroups';
import { appRoute } from './app';

interface InboxSearch {
  scope?: 'unit';
}

function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate({ from: '/inbox' });
  const scope = inboxRoute.useSearch().scope ?? 'me';
  const inbox = useQuery(inboxQuery(scope));
  const [now, setNow] = useState(() => new Date());
  useEffect(() => setNow(new Date()), [inbox.dataUpdatedAt]);
  // A recipient's head (or anyone bound to a recipient) may switch to the whole unit's cases.
  const canUnit = me.scope.recipientIds.length > 0 && me.permissions.includes('cases.route');
  const items = inbox.data?.items ?? [];

  return (
    <Page
      title={scope === 'unit' ? t('inbox.titleUnit') : t('inbox.title')}
      actions={
        (canUnit || scope === 'unit') && (
          <SegmentedControl
            size="xs"
            aria-label={t('inbox.scope')}
            value={scope}
            onChange={(v) => void navigate({ search: v === 'unit' ? { scope: 'unit' } : {}, replace: true })}
            data={[
              { value: 'me', label: t('inbox.scopeMe') },
              { value: 'unit', label: t('inbox.scopeUnit') },
            ]}
          />
        )
      }
    >
      <Box style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto' }}>
        {inbox.isPending ? (
          <Center p="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : inbox.error ? (
          <Alert color="red" variant="light" title={t('errors.loadFailed')} maw={640}>
            <Text size="sm">{errorMessage(inbox.error)}</Text>
            <Button size="xs" variant="default" mt="xs" onClick={() => void inbox.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('inbox.empty')}</Text>
        ) : (
          <>
            <InboxGroups items={items} now={now} showExecutor={scope === 'unit'} />
            {inbox.data?.nextCursor && (
              <Text size="xs" c="dimmed" mt="sm">
                {t('inbox.limit')}
              </Text>
            )}
          </>
        )}
      </Box>
    </Page>
  );
}

export const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'inbox',
  validateSearch: (search: Record<string, unknown>): InboxSearch => (search.scope === 'unit' ? { scope: 'unit' } : {}),
  component: InboxPage,
});
