import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Loader, Group, Select, Table, TextInput, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';
import { buildHaystacks, cellText, filterRows, sortRows, type DataTableColumn, type SortState } from './data-table-model';
import { useCellTooltip } from './useCellTooltip';
import { useTableHotkeys } from './useTableHotkeys';
import classes from './DataTable.module.css';

export type { DataTableColumn, DataTableFilter, CellContext, SortState } from './data-table-model';

export interface DataTableProps<T> {
  /** Accessible name of the table, e.g. «Поселения»; also names its search box. */
  label: string;
  rows: T[] | undefined;
  columns: DataTableColumn<T>[];
  rowKey: (row: T) => string;
  /** Greyed row with the «отключено» badge. */
  isInactive?: (row: T) => boolean;
  /** The badge on inactive rows; default «отключено». */
  inactiveLabel?: string;
  /** Click, or Enter on the selected row. */
  onOpen?: (row: T) => void;
  /** Buttons at the end of each row (give each an aria-label that names the row). */
  rowActions?: (row: T) => ReactNode;
  actionsWidth?: number;
  /** Buttons at the right end of the toolbar. */
  toolbar?: ReactNode;
  /** A control before the search box, e.g. a switch between two lists. */
  toolbarStart?: ReactNode;
  /** Controls right after the search box (the register's server-side filters). */
  filters?: ReactNode;
  /** In the status line under the table, e.g. «Показать более ранние». */
  footer?: ReactNode;
  initialSort?: SortState | null;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  emptyText?: string;
  /** Answers /, j, k, Enter when the focus is outside any table (one per page). Default true. */
  primary?: boolean;
  /**
   * Server-side search (the register): the search box shows and sets this value, and the rows are
   * not filtered in the browser.
   */
  search?: { value: string; onChange: (value: string) => void; label?: string; placeholder?: string; width?: number };
  /** Server-side order: header clicks call onChange; only columns with `sortable: true` sort. */
  sort?: { value: SortState | null; onChange: (next: SortState | null) => void };
  /** Replaces «Показано N из M» in the status line (e.g. «Найдено 1 234 · показано 50»). */
  count?: ReactNode;
  /** The row selected (and focused) when the list appears, e.g. the case just viewed. */
  initialSelected?: string | null;
  /** Told the column filters' values when they change (e.g. to export the list as filtered). */
  onFiltersChange?: (filters: Record<string, string | null>) => void;
}

/** The dense list every screen uses: sort, quick search, column filters, keyboard, sticky header. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, rows, columns, rowKey, isInactive, onOpen, rowActions, actionsWidth = 84, primary = true } = props;
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [localQuery, setQuery] = useState('');
  const query = props.search ? '' : localQuery;
  const searchValue = props.search ? props.search.value : localQuery;
  const setSearchValue = props.search ? props.search.onChange : setQuery;
  const [filters, setFilters] = useState<Record<string, string | null>>({});
  const { onFiltersChange } = props;
  useEffect(() => onFiltersChange?.(filters), [filters, onFiltersChange]);
  const [localSort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const sort = props.sort ? props.sort.value : localSort;
  const [selected, setSelected] = useState<string | null>(props.initialSelected ?? null);
  const tip = useCellTooltip();
  const captionId = useId();

  const all = rows ?? [];
  const haystacks = useMemo(() => buildHaystacks(all, columns), [all, columns]);
  const visible = useMemo(() => {
    const filtered = filterRows(all, columns, haystacks, query, filters);
    return sort && !props.sort ? sortRows(filtered, columns.find((c) => c.key === sort.key), sort.dir) : filtered;
  }, [all, columns, haystacks, query, filters, sort, props.sort]);
  const ctx = { sorted: sort !== null, filtered: query.trim() !== '' || Object.values(filters).some(Boolean) };

  const focusRow = useCallback((key: string) => {
    const el = bodyRef.current?.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(key)}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }, []);

  // Back from a record: its row is selected and in view again, so j/k continue from there.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !rows || !props.initialSelected) return;
    restored.current = true;
    if (rows.some((r) => rowKey(r) === props.initialSelected)) focusRow(props.initialSelected);
    else setSelected(null);
  }, [rows]);

  const move = (delta: 1 | -1) => {
    if (!visible.length) return;
    const index = selected === null ? -1 : visible.findIndex((r) => rowKey(r) === selected);
    const next = index < 0 ? (delta === 1 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, index + delta));
    const key = rowKey(visible[next]);
    setSelected(key);
    focusRow(key);
  };
  const openSelected = () => {
    const row = selected === null ? undefined : visible.find((r) => rowKey(r) === selected);
    if (row && onOpen) onOpen(row);
  };
  useTableHotkeys({ root: rootRef, search: searchRef, primary, move, open: openSelected });

  const nextSort = (s: SortState | null, key: string): SortState | null => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null);
  const toggleSort = (key: string) => (props.sort ? props.sort.onChange(nextSort(sort, key)) : setSort((s) => nextSort(s, key)));

  const filterColumns = columns.filter((c) => c.filter);
  const hasFilters = ctx.filtered;
  const colSpan = columns.length + (rowActions ? 1 : 0);

  return (
    <div className={classes.root} ref={rootRef} data-datatable="">
      <div className={classes.toolbar}>
        {props.toolbarStart}
        <TextInput
          ref={searchRef}
          size="xs"
          style={{ flex: '1 1 160px', minWidth: 140, maxWidth: props.search?.width ?? 240 }}
          aria-label={props.search?.label ?? `${t('table.search')}: ${label}`}
          placeholder={props.search?.placeholder ?? t('table.searchPlaceholder')}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={searchValue}
          onChange={(e) => setSearchValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') searchValue ? setSearchValue('') : e.currentTarget.blur();
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              move(1);
            }
          }}
        />
        {props.filters}
        {filterColumns.map((c) => (
          <Select
            key={c.key}
            size="xs"
            w={c.filter!.width ?? 180}
            aria-label={c.filter!.label}
            placeholder={`${c.filter!.label}: ${t('table.filterAll').toLowerCase()}`}
            data={c.filter!.options}
            value={filters[c.key] ?? null}
            onChange={(v) => setFilters((f) => ({ ...f, [c.key]: v }))}
            clearable
            searchable={c.filter!.options.length > 8}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
        {hasFilters && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={() => {
              setQuery('');
              setFilters({});
            }}
          >
            {t('table.resetFilters')}
          </Button>
        )}
        {props.toolbar && <div className={classes.toolbarEnd}>{props.toolbar}</div>}
      </div>

      <div className={classes.scroll} onMouseOver={(e) => tip.onMouseOver(e.target)} onMouseLeave={tip.hide} onScroll={tip.hide}>
        <Table className={classes.table} stickyHeader highlightOnHover={false} aria-labelledby={captionId}>
          <caption id={captionId} className="visually-hidden">
            {label}
          </caption>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={c.width !== undefined ? { width: c.width } : undefined} />
            ))}
            {rowActions && <col style={{ width: actionsWidth }} />}
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const sortable = c.sortable ?? (props.sort ? false : Boolean(c.value));
                const dir = sort?.key === c.key ? sort.dir : null;
                return (
                  <Table.Th
                    key={c.key}
                    className={`${classes.th} ${c.align === 'right' ? classes.numeric : c.align === 'center' ? classes.center : ''}`}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : sortable ? 'none' : undefined}
                  >
                    {sortable ? (
                      <UnstyledButton className={classes.sortButton} onClick={() => toggleSort(c.key)} aria-label={t('table.sortBy', { column: c.header })}>
                        <span className={classes.sortLabel}>{c.header}</span>
                        {dir === 'asc' && <IconArrowUp size={13} aria-hidden />}
                        {dir === 'desc' && <IconArrowDown size={13} aria-hidden />}
                      </UnstyledButton>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
              {rowActions && (
                <Table.Th className={classes.th}>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={bodyRef}>
            {props.error ? (
              <Table.Tr>
                <Table.Td colSpan={colSpan}>
                  <Alert color="red" variant="light" title={t('errors.loadFailed')}>
                    <Group gap="sm">
                      <span>{errorMessage(props.error)}</span>
                      {props.onRetry && (
                        <Button size="xs" variant="default" onClick={props.onRetry}>
                          {t('common.retry')}
                        </Button>
                      )}
                    </Group>
                  </Alert>
                </Table.Td>
              </Table.Tr>
            ) : props.loading && !rows ? (
              <Table.Tr>
                <Table.Td colSpan={colSpan} className={classes.message}>
                  <Group justify="center" gap="xs">
                    <Loader size="xs" />
                    {t('common.loading')}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ) : visible.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={colSpan} className={classes.message}>
                  {hasFilters ? t('table.emptyFiltered') : (props.emptyText ?? t('table.empty'))}
                </Table.Td>
              </Table.Tr>
            ) : (
              visible.map((row) => {
                const key = rowKey(row);
                const inactive = isInactive?.(row) ?? false;
                return (
                  <Table.Tr
                    key={key}
                    data-key={key}
                    className={classes.row}
                    data-selected={selected === key || undefined}
                    data-inactive={inactive || undefined}
                    data-openable={onOpen ? '' : undefined}
                    aria-selected={selected === key}
                    tabIndex={selected === key || (selected === null && row === visible[0]) ? 0 : -1}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('button, a, input')) return;
                      setSelected(key);
                      onOpen?.(row);
                    }}
                    onFocus={() => setSelected(key)}
                  >
                    {columns.map((c, i) => {
                      const content = c.render ? c.render(row, ctx) : (c.value?.(row) ?? '');
                      const alignClass = c.align === 'right' ? classes.numeric : c.align === 'center' ? classes.center : '';
                      const inner = (
                        <div className={c.wrap ? classes.cellWrap : classes.cell} data-trunc={c.wrap ? undefined : ''} data-full={cellText(c, row) || undefined}>
                          {content as ReactNode}
                        </div>
                      );
                      return (
                        <Table.Td key={c.key} className={alignClass ? `${classes.td} ${alignClass}` : classes.td}>
                          {i === 0 && inactive ? (
                            <div className={classes.firstCell}>
                              {inner}
                              <Badge color="gray" variant="outline" className={classes.badge}>
                                {props.inactiveLabel ?? t('common.inactive')}
                              </Badge>
                            </div>
                          ) : (
                            inner
                          )}
                        </Table.Td>
                      );
                    })}
                    {rowActions && (
                      <Table.Td className={classes.td}>
                        <div className={classes.actions}>{rowActions(row)}</div>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </div>
      <div className={classes.status}>
        <span className={classes.count} aria-live="polite">
          {props.count ?? t('table.shown', { shown: visible.length, total: all.length })}
        </span>
        <div className={classes.statusMiddle}>{props.footer}</div>
        {primary && onOpen && <span className={classes.hint}>{t('table.keyboardHint')}</span>}
      </div>
      {tip.element}
    </div>
  );
}
