import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const KNOWN = ['confirmed', 'uncertain', 'historical', 'unconfirmed_name'] as const;
type Known = (typeof KNOWN)[number];

export function confidenceKey(confidence: string | null | undefined): Known | 'unknown' {
  return KNOWN.includes(confidence as Known) ? (confidence as Known) : 'unknown';
}

/** How sure we are of a recipient's data: neutral when confirmed, amber (with words) otherwise. */
export function ConfidenceBadge({ confidence }: { confidence: string | null | undefined }) {
  const { t } = useTranslation();
  const key = confidenceKey(confidence);
  return (
    <Badge color={key === 'confirmed' ? 'gray' : 'yellow'} variant="light">
      {t(`recipients.confidence.${key}`)}
    </Badge>
  );
}
