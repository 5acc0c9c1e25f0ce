import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** «Источник: …» under a form: where a reference record came from; links open in a new tab. */
export function SourceNote({ source }: { source: string | null | undefined }) {
  const { t } = useTranslation();
  if (!source) return null;
  const parts = source.split(/\s+;\s+/);
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {t('common.source')}:{' '}
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {/^https?:\/\//.test(part) ? (
            <Anchor href={part} target="_blank" rel="noreferrer noopener" size="xs">
              {decodeURIComponentSafe(part)}
            </Anchor>
          ) : (
            part
          )}
        </span>
      ))}
    </Text>
  );
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
