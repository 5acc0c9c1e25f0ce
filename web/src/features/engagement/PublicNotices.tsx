import { useState } from 'react';
import { Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api/client';
import { formatDateTime } from '../../lib/format';

interface PublicNotice {
  id: string;
  title: string;
  text: string;
  publishAt: string;
  validUntil: string;
  settlements: { id: string; name: string }[];
}

/**
 * Notices for residents (planned outages, works) published by the МЦУ, shown on the residents'
 * public page: only those valid now, filterable by settlement. No personal data.
 */
export function PublicNotices({ tenantCode }: { tenantCode: string }) {
  const { t } = useTranslation();
  const [settlement, setSettlement] = useState<string | null>(null);
  const data = useQuery({
    queryKey: ['public-notices', tenantCode],
    queryFn: () => api.get<{ settlements: { id: string; name: string }[]; items: PublicNotice[] }>(`/api/public/notices${qs({ tenant: tenantCode })}`, { quiet401: true }),
    retry: false,
  });
  const items = (data.data?.items ?? []).filter((n) => !settlement || n.settlements.some((s) => s.id === settlement));
  return (
    <Stack gap="xs" component="section" aria-label={t('engagement.public.title')}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h4">{t('engagement.public.title')}</Title>
        {(data.data?.settlements.length ?? 0) > 1 && (
          <Select
            size="xs"
            w={220}
            aria-label={t('engagement.public.settlement')}
            placeholder={t('engagement.public.allSettlements')}
            clearable
            value={settlement}
            onChange={setSettlement}
            data={data.data!.settlements.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Group>
      {data.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">{t('engagement.public.empty')}</Text>}
      {items.map((n) => (
        <Card key={n.id} withBorder padding="sm" component="article">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={600}>{n.title}</Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{t('engagement.public.until', { date: formatDateTime(n.validUntil) })}</Text>
          </Group>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
          <Group gap={4} mt={6}>
            {n.settlements.map((s) => <Badge key={s.id} size="xs" variant="light" tt="none">{s.name}</Badge>)}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
