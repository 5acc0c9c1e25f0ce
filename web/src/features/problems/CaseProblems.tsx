import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { problemsQuery } from './problems.api';
import { ProblemStatus } from './ProblemsList';

/** On the case card: the problem(s) the case belongs to, with their status. */
export function CaseProblems({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const q = useQuery({ ...problemsQuery({ caseId }), enabled: can('analytics.read') });
  if (!q.data?.length) return null;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed">{t('problems.ofCase')}:</Text>
      {q.data.map((p) => (
        <Group key={p.id} gap={4} wrap="nowrap">
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/problems/$id" params={{ id: p.id }} />}>{p.title}</Anchor>
          <ProblemStatus status={p.status} />
        </Group>
      ))}
    </Group>
  );
}
