import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';

export type NotYetSection = 'overview' | 'inbox' | 'cases' | 'analytics' | 'rating' | 'problems' | 'reports' | 'engagement' | 'region';

/** An honest placeholder for a section that is not built yet: its name and what it will hold. */
export function NotYet({ section }: { section: NotYetSection }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`nav.${section}`)}>
      <Paper withBorder p="lg" maw={720} radius="sm">
        <Stack gap="xs">
          <Text>{t(`notYet.${section}`)}</Text>
          <Text c="dimmed">{t('notYet.unavailable')}</Text>
        </Stack>
      </Paper>
    </Page>
  );
}
