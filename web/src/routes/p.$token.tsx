import { useState } from 'react';
import { Alert, Box, Button, Center, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CASE_LIMITS, rateInput } from '../../../domain/cases/schemas';
import { api } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import type { PublicCase } from '../features/cases/case-types';
import { StarsInput } from '../features/cases/card/actions/review-forms';
import { formatDate } from '../lib/format';
import { useZodForm } from '../lib/form';
import { rootRoute } from './root';

/** The applicant's page behind the secret link: no login, plain words, the answer and the rating. */
function PublicCasePage() {
  const { t } = useTranslation();
  const { token } = publicCaseRoute.useParams();
  const qc = useQueryClient();
  const key = ['public-case', token];
  const data = useQuery({ queryKey: key, queryFn: () => api.get<PublicCase>(`/api/public/cases/${encodeURIComponent(token)}`, { quiet401: true }), retry: false });
  const [thanks, setThanks] = useState<number | null>(null);
  const form = useZodForm({ schema: rateInput, initial: { rating: null as number | null, comment: '' } });
  const rate = useMutation({
    mutationFn: (input: unknown) => api.post<{ status: string; rating: number }>(`/api/public/cases/${encodeURIComponent(token)}/rate`, input, { quiet401: true }),
    onSuccess: (res) => {
      setThanks(res.rating);
      return qc.invalidateQueries({ queryKey: key });
    },
  });
  const submit = () => {
    const input = form.validate();
    if (input) rate.mutate(input, { onError: form.showServerError });
  };
  const c = data.data;

  return (
    <Box mih="100%" bg="gray.1" py="xl" px="md">
      <Center>
        <Paper withBorder radius="sm" p="lg" w="100%" maw={680} component="main">
          <Text size="sm" c="steel.8" fw={700}>
            {t('publicCase.org')}
          </Text>
          {data.isPending ? (
            <Center p="xl">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          ) : data.error ? (
            <Alert color={data.error instanceof ApiError && data.error.status === 404 ? 'gray' : 'red'} variant="light" mt="md">
              {data.error instanceof ApiError && data.error.status === 404 ? t('publicCase.notFound') : t('publicCase.loadFailed')}
            </Alert>
          ) : c ? (
            <Stack gap="md" mt={4}>
              <Title order={1}>{t('publicCase.title', { number: c.number })}</Title>
              <dl style={{ display: 'grid', gridTemplateColumns: '140px 1fr', rowGap: 6, margin: 0 }}>
                <Text component="dt" c="dimmed">
                  {t('publicCase.status')}
                </Text>
                <Text component="dd" m={0} fw={600}>
                  {t(`caseStatusPublic.${c.status}`)}
                </Text>
                <Text component="dt" c="dimmed">
                  {t('publicCase.receivedAt')}
                </Text>
                <Text component="dd" m={0}>
                  {formatDate(c.receivedAt)}
                </Text>
                {c.answerDue && (
                  <>
                    <Text component="dt" c="dimmed">
                      {t('publicCase.answerDue')}
                    </Text>
                    <Text component="dd" m={0}>
                      {formatDate(c.answerDue)}
                    </Text>
                  </>
                )}
              </dl>
              <section aria-labelledby="public-answer">
                <Title order={2} id="public-answer" mb={6}>
                  {t('publicCase.answer')}
                </Title>
                {c.answer ? (
                  <>
                    <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.answer.text}</Text>
                    {c.answer.at && (
                      <Text size="sm" c="dimmed" mt={4}>
                        {t('publicCase.answerAt', { at: formatDate(c.answer.at) })}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text c="dimmed">{t('publicCase.noAnswer')}</Text>
                )}
              </section>
              {thanks !== null ? (
                <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} role="status">
                  <Text>{t('publicCase.thanks', { rating: thanks })}</Text>
                  {thanks <= 3 && <Text mt={4}>{t('publicCase.thanksLow')}</Text>}
                </Alert>
              ) : c.canRate ? (
                <form
                  noValidate
                  aria-labelledby="public-rate"
                  onSubmit={(e) => {
                    e.preventDefault();
                    submit();
                  }}
                >
                  <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                    <Title order={2} id="public-rate">
                      {t('publicCase.rateTitle')}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('publicCase.rateHint')}
                    </Text>
                    {form.formError && (
                      <Alert color="red" variant="light" p="xs" role="alert">
                        {form.formError}
                      </Alert>
                    )}
                    <StarsInput value={form.values.rating} onChange={(v) => form.setValue('rating', v)} error={form.error('rating')} label={t('publicCase.rating')} />
                    <Textarea label={t('publicCase.comment')} autosize minRows={3} maxRows={8} maxLength={CASE_LIMITS.reason} {...form.text('comment')} />
                    <Button type="submit" loading={rate.isPending} w="fit-content">
                      {t('publicCase.send')}
                    </Button>
                  </Stack>
                </form>
              ) : c.rating != null ? (
                <Text>{t('publicCase.rated', { rating: c.rating })}</Text>
              ) : null}
              {rate.error && !form.formError && <Text c="red.8">{errorMessage(rate.error)}</Text>}
            </Stack>
          ) : null}
        </Paper>
      </Center>
    </Box>
  );
}

export const publicCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'p/$token',
  component: PublicCasePage,
});
