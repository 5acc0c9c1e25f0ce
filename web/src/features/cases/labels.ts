import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { channelsQuery } from './cases.api';

const SHORT = i18n.getResource('ru', 'translation', 'channelShort') as Record<string, string> | undefined;

/** A recipient's name for a narrow column: its short name, or the name without a trailing remark in brackets. */
export function listName(r: { name: string; shortName?: string | null }): string {
  return r.shortName || r.name.replace(/\s*\([^()]*\)\s*$/, '');
}

/**
 * A channel's name: the tenant's own name from /api/channels (channels are data), or the short
 * label of a known code for narrow columns; an unknown code is shown as is.
 */
export function useChannelLabel(): (code: string, short?: boolean) => string {
  const { t } = useTranslation();
  const channels = useQuery(channelsQuery);
  return useCallback(
    (code: string, short = false) => {
      if (short && SHORT?.[code]) return t(`channelShort.${code}` as 'channelShort.pos');
      return channels.data?.find((c) => c.code === code)?.name ?? (SHORT?.[code] ? t(`channelShort.${code}` as 'channelShort.pos') : code);
    },
    [channels.data, t],
  );
}
