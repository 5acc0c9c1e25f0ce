import { useState } from 'react';
import { Anchor, Button, Checkbox, Popover, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCan } from '../auth/session';

export type ExportParams = Record<string, string | number | boolean | string[] | null | undefined>;

interface ExportMenuProps {
  /** The server's list name: 'cases', 'rating', 'heatmap', 'indicators', … */
  list: string;
  /** The list's current filters (the same names as its API / URL). */
  params?: ExportParams;
  /** The list can carry applicants' personal data (shown only to `pd.read` holders who ask). */
  personalData?: boolean;
}

/** Plain string values of the filters (arrays as repeated keys), without empty ones. */
export function cleanParams(params: ExportParams = {}): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

export function downloadUrl(list: string, params: Record<string, string | string[]>, extra: Record<string, string>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) s.append(k, x);
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  return `/api/exports/${encodeURIComponent(list)}/file?${s.toString()}`;
}

function startDownload(href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * «Выгрузить»: XLSX or CSV of a list with its current filters. Up to 10 000 rows the file downloads
 * at once; a larger list becomes a background export (Отчёты → Выгрузки). Personal data only for
 * `pd.read`, with a purpose that goes to the 152-ФЗ log.
 */
export function ExportMenu({ list, params, personalData = false }: ExportMenuProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, setOpened] = useState(false);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [withPd, setWithPd] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const pdAllowed = personalData && can('pd.read');
  const pd = pdAllowed && withPd;

  const run = async () => {
    setBusy(true);
    try {
      const clean = cleanParams(params);
      const body = { list, format, params: clean, withPd: pd, purpose: pd ? purpose : null };
      const plan = await api.post<{ rows: number | null; background: boolean }>('/api/exports/plan', body);
      if (plan.background) {
        await api.post('/api/exports/jobs', body);
        notifications.show({
          color: 'blue',
          autoClose: 8000,
          message: (
            <>
              {t('exportMenu.queued')}{' '}
              <Anchor component={Link} to="/reports/exports" size="sm">
                {t('exportMenu.openJobs')}
              </Anchor>
            </>
          ),
        });
      } else {
        startDownload(downloadUrl(list, clean, { format, ...(pd ? { pd: '1', purpose } : {}) }));
      }
      setOpened(false);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconDownload size={15} aria-hidden />} onClick={() => setOpened((o) => !o)} aria-haspopup="dialog">
          {t('exportMenu.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={300}>
          <SegmentedControl
            size="xs"
            value={format}
            onChange={(v) => setFormat(v as 'xlsx' | 'csv')}
            data={[
              { value: 'xlsx', label: t('exportMenu.xlsx') },
              { value: 'csv', label: t('exportMenu.csv') },
            ]}
          />
          {pdAllowed && <Checkbox size="xs" label={t('exportMenu.withPd')} checked={withPd} onChange={(e) => setWithPd(e.currentTarget.checked)} />}
          {pd && <TextInput size="xs" label={t('exportMenu.purpose')} description={t('exportMenu.purposeHint')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} required />}
          <Button size="xs" onClick={() => void run()} loading={busy} disabled={pd && !purpose.trim()} data-testid={`export-${list}`}>
            {t('exportMenu.start')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
