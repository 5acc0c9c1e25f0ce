import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Loader } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, createRoute, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type SortState } from '../components/DataTable';
import { Page } from '../components/Page';
import { useCan, useTimeZone } from '../features/auth/session';
import { casesCountQuery, casesListQuery } from '../features/cases/cases.api';
import { RegisterFilters } from '../features/cases/register/RegisterFilters';
import { LastImportLine } from '../features/intake/LastImportLine';
import { SavedViews } from '../features/cases/register/SavedViews';
import { ExportMenu } from '../features/exports/ExportMenu';
import { useRegisterColumns } from '../features/cases/register/register-columns';
import { lastOpenedCase, rememberOpened, rememberRegister } from '../features/cases/register-memory';
import { parseRegisterSearch, type RegisterSearch } from '../features/cases/register-search';
import { formatNumber } from '../lib/format';
import { appRoute } from './app';

function sortState(s: RegisterSearch['sort']): SortState | null {
  if (s === 'received_asc') return { key: 'received', dir: 'asc' };
  if (s === 'due_asc') return { key: 'due', dir: 'asc' };
  if (s === 'updated_desc') return null;
  return { key: 'received', dir: 'desc' };
}

function RegisterPage() {
  const { t } = useTranslation();
  const search = casesRoute.useSearch();
  const navigate = useNavigate({ from: '/cases' });
  const timeZone = useTimeZone();
  const canRegister = useCan()('cases.register');
  // Only the register's own URL (while leaving for a card the router already shows the card's).
  const href = useRouterState({ select: (s) => (s.location.pathname === '/cases' ? s.location.href : null) });
  useEffect(() => {
    if (href) rememberRegister(href);
  }, [href]);

  const list = useInfiniteQuery(casesListQuery(search));
  const count = useQuery(casesCountQuery(search));
  const columns = useRegisterColumns(timeZone);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items), [list.data]);

  const patch = (p: Partial<RegisterSearch>, replace = false) => void navigate({ search: (prev: RegisterSearch) => ({ ...prev, ...p }), replace });
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 350);
  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== search.q) patch({ q }, true);
  }, [debounced]);
  useEffect(() => {
    if ((search.q ?? '') !== text.trim()) setText(search.q ?? '');
  }, [search.q]);

  const onSort = (next: SortState | null) => {
    const current = sortState(search.sort);
    const key = next?.key ?? current?.key;
    if (key === 'received') patch({ sort: search.sort === undefined ? 'received_asc' : undefined });
    else if (key === 'due') patch({ sort: search.sort === 'due_asc' ? undefined : 'due_asc' });
  };

  const shown = rows?.length ?? 0;
  const found = count.data ? (count.data.capped ? t('register.foundCapped') : t('register.found', { n: formatNumber(count.data.total) })) : t('register.counting');

  return (
    <Page
      title={t('register.title')}
      header={<LastImportLine channel={search.channel} />}
      actions={
        <>
          <SavedViews search={search} apply={(s) => void navigate({ search: s })} />
          <ExportMenu list="cases" params={{ ...search, sort: undefined }} personalData />
          {canRegister && (
            <Button size="xs" component={Link} to="/cases/new" leftSection={<IconPlus size={15} aria-hidden />}>
              {t('register.registerButton')}
            </Button>
          )}
        </>
      }
    >
      <DataTable
        label={t('register.tableLabel')}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        onOpen={(r) => {
          rememberOpened(r.id);
          void navigate({ to: '/cases/$id', params: { id: r.id } });
        }}
        initialSelected={lastOpenedCase()}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyText={t('register.empty')}
        search={{ value: text, onChange: setText, label: t('register.search'), placeholder: t('register.searchPlaceholder'), width: 260 }}
        sort={{ value: sortState(search.sort), onChange: onSort }}
        filters={<RegisterFilters search={search} patch={patch} reset={() => void navigate({ search: search.sort ? { sort: search.sort } : {} })} />}
        count={
          <Group gap={6} wrap="nowrap" component="span">
            <span>
              {found}
              {shown > 0 && ` · ${t('register.shown', { n: formatNumber(shown) })}`}
            </span>
            {(list.isPlaceholderData || (list.isFetching && !list.isFetchingNextPage)) && <Loader size={12} aria-label={t('common.loading')} />}
          </Group>
        }
        footer={
          list.hasNextPage && (
            <Button size="compact-xs" variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('register.more50')}
            </Button>
          )
        }
      />
    </Page>
  );
}

export const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'cases',
  validateSearch: (search: Record<string, unknown>): RegisterSearch => parseRegisterSearch(search),
  component: RegisterPage,
});
