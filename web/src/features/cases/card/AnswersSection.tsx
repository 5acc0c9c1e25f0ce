import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import type { CaseAnswer, CaseCard } from '../case-types';
import { RatingMark } from '../CaseBadges';
import { Section } from './Section';
import classes from './card.module.css';

const STATE_COLOR: Record<CaseAnswer['state'], string> = { submitted: 'violet', prepared: 'steel', approved: 'teal', returned: 'orange', sent: 'teal' };

/** The МЦУ's remarks on a returned answer: the criteria in words and the comment. */
export function ReviewNote({ answer }: { answer: CaseAnswer }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <Box className={classes.review}>
      <Group gap={6} wrap="nowrap">
        <IconArrowBackUp size={15} aria-hidden color="var(--mantine-color-orange-8)" />
        <Text size="sm" fw={600} c="orange.9">
          {t('card.review')}
        </Text>
      </Group>
      {answer.reviewCriteria && answer.reviewCriteria.length > 0 && (
        <ul className={classes.criteria}>
          {answer.reviewCriteria.map((c) => (
            <li key={c}>{t(`reworkCriteria.${c}`)}</li>
          ))}
        </ul>
      )}
      {answer.reviewComment && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {answer.reviewComment}
        </Text>
      )}
      {answer.reviewedAt && (
        <Text size="xs" c="dimmed" mt={2}>
          {formatDateTime(answer.reviewedAt, tz)}
        </Text>
      )}
    </Box>
  );
}

function AnswerItem({ answer }: { answer: CaseAnswer }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <article className={classes.answer} data-state={answer.state} aria-label={`${t(`card.answerKind.${answer.kind}`)}, ${formatDateTime(answer.createdAt, tz)}`}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {t(`card.answerKind.${answer.kind}`)}
        </Text>
        <Badge color={STATE_COLOR[answer.state]}>{t(`card.answerState.${answer.state}`)}</Badge>
        <Text size="xs" c="dimmed">
          {t('card.answerAuthor', { author: answer.author ?? t('card.system'), at: formatDateTime(answer.createdAt, tz) })}
        </Text>
      </Group>
      <p className={classes.answerText}>{answer.text}</p>
      {answer.completionDate && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('card.completionDate', { date: answer.completionDate.split('-').reverse().join('.') })}
        </Text>
      )}
      {answer.state === 'returned' && (
        <div style={{ marginTop: 6 }}>
          <ReviewNote answer={answer} />
        </div>
      )}
    </article>
  );
}

/** Answers in the order they were written, with the review of each; then the applicant's rating. */
export function AnswersSection({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <Section title={t('card.answers')}>
      <Stack gap="sm">
        {card.answers.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('card.noAnswers')}
          </Text>
        )}
        {card.answers.map((a) => (
          <AnswerItem key={a.id} answer={a} />
        ))}
        {(card.rating != null || card.answeredAt) && (
          <Group gap="xs" wrap="wrap" pt={4} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" fw={600}>
              {t('card.rating')}:
            </Text>
            {card.rating != null ? (
              <>
                <RatingMark rating={card.rating} suffix={t('card.outOf5')} />
                {card.ratedAt && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(card.ratedAt, tz)}
                  </Text>
                )}
                {card.rating <= 3 && (
                  <Text size="xs" c="red.8">
                    {t('card.ratingLow')}
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('card.noRating')}
              </Text>
            )}
            {card.ratingComment && (
              <Text size="sm" w="100%" style={{ whiteSpace: 'pre-wrap' }}>
                «{card.ratingComment}»
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Section>
  );
}
