import { useState } from 'react';
import { Alert, Anchor, Box, Button, Center, Checkbox, CopyButton, FileInput, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { PublicNotices } from '../features/engagement/PublicNotices';
import { DistrictMap, type DistrictTerritory } from '../features/public/DistrictMap';
import { FindMyCase } from '../features/public/FindMyCase';
import { formatDate } from '../lib/format';
import { rootRoute } from './root';

interface Territory extends DistrictTerritory {
  tenant: { code: string; name: string; fullName: string | null; timeZone: string };
  settlements: { id: string; name: string; kind: string }[];
  localities: (DistrictTerritory['localities'][number] & { settlementId: string | null })[];
}
interface Topic {
  id: string;
  name: string;
  subtopics: { id: string; name: string }[];
}
interface Sent {
  number: string;
  token: string;
  status: string;
  answerDue: string | null;
  photos: number;
}

const EMPTY = { text: '', topicId: null as string | null, settlementId: null as string | null, localityId: null as string | null, address: '', name: '', email: '', phone: '', consent: false, answer: '' };

/** The residents' page (no login): a message with its place, photos, contacts, consent and a challenge. */
function PublicPage({ tenantCode }: { tenantCode?: string }) {
  const { t } = useTranslation();
  const q = qs({ tenant: tenantCode });
  const territory = useQuery({ queryKey: ['public', 'territory', tenantCode], queryFn: () => api.get<Territory>(`/api/public/territory${q}`, { quiet401: true }), retry: false });
  const topics = useQuery({ queryKey: ['public', 'topics', tenantCode], queryFn: () => api.get<{ items: Topic[] }>(`/api/public/topics${q}`, { quiet401: true }), retry: false });
  const challenge = useQuery({ queryKey: ['public', 'challenge'], queryFn: () => api.get<{ token: string; question: string }>('/api/public/challenge', { quiet401: true }), retry: false, staleTime: 15 * 60_000 });
  const [v, setV] = useState(EMPTY);
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [sent, setSent] = useState<Sent | null>(null);
  const send = useMutation({
    mutationFn: () => {
      const f = new FormData();
      const put = (k: string, val: string | null | undefined) => {
        if (val) f.append(k, val);
      };
      put('tenant', territory.data?.tenant.code);
      put('text', v.text);
      put('topicId', v.topicId);
      put('settlementId', v.settlementId);
      put('localityId', v.localityId);
      put('address', v.address.trim());
      if (point) {
        f.append('lat', String(point.lat));
        f.append('lon', String(point.lon));
      }
      put('name', v.name.trim());
      put('email', v.email.trim());
      put('phone', v.phone.trim());
      f.append('consent', v.consent ? 'true' : 'false');
      put('challengeToken', challenge.data?.token);
      f.append('challengeAnswer', v.answer.trim());
      for (const p of photos) f.append('photos', p, p.name);
      return api.upload<Sent>('/api/public/messages', f);
    },
    onSuccess: (r) => {
      setSent(r);
      window.scrollTo({ top: 0 });
    },
    onError: () => {
      setV((x) => ({ ...x, answer: '' }));
      void challenge.refetch();
    },
  });
  const fields = send.error instanceof ApiError ? send.error.fields : {};
  const set = <K extends keyof typeof EMPTY>(k: K, val: (typeof EMPTY)[K]) => setV((x) => ({ ...x, [k]: val }));
  const tr = territory.data;
  const link = sent ? `${window.location.origin}/p/${sent.token}` : '';
  const topicData = (topics.data?.items ?? []).map((g) => ({ group: g.name, items: [{ value: g.id, label: `${g.name} — всё` }, ...g.subtopics.map((s) => ({ value: s.id, label: s.name }))] }));
  const localities = (tr?.localities ?? []).filter((l) => !v.settlementId || l.settlementId === v.settlementId);

  return (
    <Box mih="100%" bg="gray.1" py="lg" px={{ base: 'xs', sm: 'md' }}>
      <Center>
        <Stack w="100%" maw={760} gap="md">
          <Paper withBorder radius="sm" p={{ base: 'sm', sm: 'lg' }} component="main">
            <Text size="sm" c="steel.8" fw={700}>
              {tr ? (tr.tenant.fullName ?? tr.tenant.name) : t('publicForm.org')}
            </Text>
            {territory.isPending ? (
              <Center p="xl">
                <Loader size="sm" aria-label={t('common.loading')} />
              </Center>
            ) : territory.error ? (
              <Alert color="gray" variant="light" mt="md">
                {territory.error instanceof ApiError && territory.error.status === 404 ? t('publicForm.notFound') : errorMessage(territory.error)}
              </Alert>
            ) : sent ? (
              <Stack gap="sm" mt="xs" role="status">
                <Group gap="xs" wrap="nowrap">
                  <IconCircleCheck size={28} color="var(--mantine-color-teal-7)" aria-hidden />
                  <Title order={1}>{t('publicForm.sentTitle', { number: sent.number })}</Title>
                </Group>
                <Text>{t('publicForm.sentText')}</Text>
                {sent.answerDue && <Text>{t('publicForm.sentAnswerDue', { date: formatDate(sent.answerDue, tr?.tenant.timeZone) })}</Text>}
                <Paper withBorder p="xs" bg="gray.0" style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm" ff="monospace">
                    {link}
                  </Text>
                </Paper>
                <Group gap="xs">
                  <Button component={Link} to="/p/$token" params={{ token: sent.token } as never}>
                    {t('publicForm.sentLink')}
                  </Button>
                  <CopyButton value={link}>
                    {({ copied, copy }) => (
                      <Button variant="default" onClick={copy}>
                        {copied ? t('publicForm.copied') : t('publicForm.copy')}
                      </Button>
                    )}
                  </CopyButton>
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setSent(null);
                      setV(EMPTY);
                      setPoint(null);
                      setPhotos([]);
                      void challenge.refetch();
                    }}
                  >
                    {t('publicForm.another')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <form
                noValidate
                aria-labelledby="public-title"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!send.isPending) send.mutate();
                }}
              >
                <Stack gap="sm" mt={4}>
                  <Title order={1} id="public-title">
                    {t('publicForm.title')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('publicForm.lead')} <Anchor href="#find-my-case">{t('publicForm.find.jump')}</Anchor>
                  </Text>
                  {send.error && (
                    <Alert color="red" variant="light" p="xs" role="alert">
                      {errorMessage(send.error)}
                    </Alert>
                  )}
                  <Textarea label={t('publicForm.text')} description={t('publicForm.textHint')} required autosize minRows={4} maxRows={12} maxLength={20000} value={v.text} onChange={(e) => set('text', e.currentTarget.value)} error={fields.text} />
                  <Select label={t('publicForm.topic')} placeholder={t('publicForm.topicPlaceholder')} data={topicData} value={v.topicId} onChange={(x) => set('topicId', x)} searchable clearable error={fields.topicId} />
                  <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                    <Text component="legend" fw={600} mb={4}>
                      {t('publicForm.place')}
                    </Text>
                    <Stack gap="xs">
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                        <Select label={t('publicForm.settlement')} data={(tr?.settlements ?? []).map((s) => ({ value: s.id, label: s.name }))} value={v.settlementId} onChange={(x) => setV((p) => ({ ...p, settlementId: x, localityId: null }))} searchable clearable error={fields.settlementId} />
                        <Select label={t('publicForm.locality')} data={localities.map((l) => ({ value: l.id, label: `${l.type} ${l.name}` }))} value={v.localityId} onChange={(x) => set('localityId', x)} searchable clearable error={fields.localityId} />
                      </SimpleGrid>
                      <TextInput label={t('publicForm.address')} description={t('publicForm.addressHint')} maxLength={500} value={v.address} onChange={(e) => set('address', e.currentTarget.value)} error={fields.address} />
                      {tr && <DistrictMap territory={tr} point={point} onPoint={setPoint} label={`${t('publicForm.map')}. ${t('publicForm.mapKeyboard')}`} />}
                      <Group gap="xs" justify="space-between" mih={28}>
                        <Text size="sm" c={fields.lat ? 'red.8' : 'dimmed'} aria-live="polite">
                          {fields.lat ?? (point ? t('publicForm.mapPoint', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) }) : t('publicForm.map'))}
                        </Text>
                        {point && (
                          <Button size="compact-xs" variant="subtle" onClick={() => setPoint(null)}>
                            {t('publicForm.mapClear')}
                          </Button>
                        )}
                      </Group>
                    </Stack>
                  </fieldset>
                  <FileInput label={t('publicForm.photos')} multiple clearable accept="image/jpeg,image/png,image/webp,image/gif" value={photos} onChange={(f) => setPhotos((f ?? []).slice(0, 5))} error={fields.photos} data-testid="public-photos" />
                  <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                    <Text component="legend" fw={600} mb={4}>
                      {t('publicForm.contacts')}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                      <TextInput label={t('publicForm.name')} autoComplete="name" maxLength={300} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} />
                      <TextInput label={t('publicForm.email')} type="email" autoComplete="email" maxLength={300} value={v.email} onChange={(e) => set('email', e.currentTarget.value)} error={fields.email} />
                      <TextInput label={t('publicForm.phone')} type="tel" autoComplete="tel" maxLength={64} value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={fields.phone} />
                    </SimpleGrid>
                  </fieldset>
                  <details>
                    <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>{t('publicForm.consentShow')}</summary>
                    <Text size="sm" mt={4} c="dimmed">
                      {t('publicForm.consentText')}
                    </Text>
                  </details>
                  <Checkbox label={t('publicForm.consent')} checked={v.consent} onChange={(e) => set('consent', e.currentTarget.checked)} error={fields.consent} required />
                  <Group align="flex-end" gap="xs">
                    <TextInput
                      label={challenge.data ? t('publicForm.challenge', { question: challenge.data.question }) : t('common.loading')}
                      inputMode="numeric"
                      w={280}
                      maxLength={10}
                      required
                      value={v.answer}
                      onChange={(e) => set('answer', e.currentTarget.value)}
                      error={fields.challengeAnswer ?? fields.challengeToken}
                    />
                    <Button variant="subtle" size="sm" leftSection={<IconRefresh size={15} aria-hidden />} onClick={() => void challenge.refetch()}>
                      {t('publicForm.challengeNew')}
                    </Button>
                  </Group>
                  <Group>
                    <Button type="submit" loading={send.isPending}>
                      {t('publicForm.send')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </Paper>
          {tr && <FindMyCase tenantCode={tr.tenant.code} />}
          {tr && <PublicNotices tenantCode={tr.tenant.code} />}
        </Stack>
      </Center>
    </Box>
  );
}

export const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'public',
  component: () => <PublicPage />,
});

export const publicTenantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'public/$tenant',
  component: function PublicTenantPage() {
    const { tenant } = publicTenantRoute.useParams();
    return <PublicPage tenantCode={tenant} />;
  },
});
