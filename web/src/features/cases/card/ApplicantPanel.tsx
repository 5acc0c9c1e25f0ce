import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors';
import type { CaseCard } from '../case-types';
import { fetchApplicant } from '../cases.api';
import { Fact, Facts, Section } from './Section';

/**
 * The applicant, masked («И*** И. И.»). With pd.read a button shows the data in clear; each view
 * is written to the personal-data journal, and the panel says so before the click.
 */
export function ApplicantPanel({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const reveal = useMutation({ mutationFn: () => fetchApplicant(card.id) });
  const a = card.applicant;
  const clear = reveal.data;
  const none = <Text span c="dimmed" size="sm">{t('common.none')}</Text>;

  return (
    <Section title={t('card.applicant')}>
      {!a ? (
        <Text size="sm" c="dimmed">
          {t('card.noApplicant')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Facts>
            <Fact label={t('card.applicantName')}>{(clear ? clear.fullName : a.fullName) ?? none}</Fact>
            <Fact label={t('card.applicantPost')}>{clear ? (clear.postalAddress ?? none) : a.hasPostalAddress ? t('card.applicantHasPost') : none}</Fact>
            <Fact label={t('card.applicantEmail')}>{(clear ? clear.email : a.email) ?? none}</Fact>
            <Fact label={t('card.applicantPhone')}>{(clear ? clear.phone : a.phone) ?? none}</Fact>
            {clear?.socialProfile && <Fact label={t('card.applicantSocial')}>{clear.socialProfile}</Fact>}
            <Fact label={t('card.applicantReplyBy')}>{a.replyBy ? t(`replyBy.${a.replyBy}`) : none}</Fact>
          </Facts>
          {a.canReveal && !clear && (
            <>
              <Button size="xs" variant="default" leftSection={<IconEye size={14} aria-hidden />} onClick={() => reveal.mutate()} loading={reveal.isPending} w="fit-content">
                {t('card.reveal')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('card.revealNote')}
              </Text>
            </>
          )}
          {clear && (
            <Text size="xs" c="dimmed">
              <IconLock size={12} aria-hidden style={{ verticalAlign: '-1px' }} /> {t('card.revealed')}
            </Text>
          )}
          {reveal.error && (
            <Alert color="red" variant="light" p="xs" role="alert">
              {errorMessage(reveal.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Section>
  );
}
