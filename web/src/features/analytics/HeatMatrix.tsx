import { Link } from '@tanstack/react-router';
import { Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Cell, Heatmap } from './analytics.api';
import { deltaOf, formatRange, formatValue, type Tr } from './format';
import { inkOf, shadeOf } from './scale';
import classes from './analytics.module.css';

interface Props {
  data: Heatmap;
  against: 'prev' | 'yoy';
}

/** Tooltip text of a cell: value, what it rests on, both comparisons. */
function cellTitle(t: Tr, data: Heatmap, c: Cell, row: string, col: string): string {
  const u = data.unit;
  const parts = [
    `${row} · ${col}`,
    `${t(`analytics.measure.${data.measure}`)}: ${formatValue(u, c.value)} (${t('analytics.casesN', { n: c.count })})`,
    `${t('analytics.cmp.prev')} (${formatRange(data.previous)}): ${formatValue(u, c.prev)}${deltaOf(u, c.value, c.prev) ? `, ${deltaOf(u, c.value, c.prev)!.text}` : ''}`,
    `${t('analytics.cmp.yoy')} (${formatRange(data.yearAgo)}): ${formatValue(u, c.yoy)}${deltaOf(u, c.value, c.yoy) ? `, ${deltaOf(u, c.value, c.yoy)!.text}` : ''}`,
  ];
  return parts.join('\n');
}

function CellView({ data, c, against, title, total }: { data: Heatmap; c: Cell; against: 'prev' | 'yoy'; title: string; total?: boolean }) {
  const base = against === 'prev' ? c.prev : c.yoy;
  const d = deltaOf(data.unit, c.value, base);
  const Arrow = d?.dir === 'up' ? IconArrowUpRight : d?.dir === 'down' ? IconArrowDownRight : null;
  const content = (
    <>
      <span className={classes.cellValue}>{c.count === 0 ? (total ? '0' : '') : formatValue(data.unit, c.value)}</span>
      {Arrow && <Arrow size={11} aria-hidden className={classes.cellArrow} />}
    </>
  );
  const v = c.count === 0 && data.measure !== 'count' ? null : c.value;
  const style = total ? undefined : { background: shadeOf(v, data.scale.breaks), color: inkOf(v, data.scale.breaks) };
  return (
    <td className={total ? classes.totalCell : classes.cell} style={style} title={title}>
      {c.registerQuery && c.count > 0 ? (
        <Link to="/cases" search={c.registerQuery} className={classes.cellLink} aria-label={title.replace(/\n/g, '; ')} data-cell="">
          {content}
        </Link>
      ) : (
        <span className={classes.cellLink}>{content}</span>
      )}
    </td>
  );
}

/** Topics × territories coloured by the measure; a click opens the register on the cell's cases. */
export function HeatMatrix({ data, against }: Props) {
  const { t: tt } = useTranslation();
  const t = tt as unknown as Tr;
  const name = (n: string | null) => n ?? t('common.notSet');
  return (
    <div className={classes.matrixWrap}>
      <table className={classes.matrix} aria-label={t('analytics.matrixLabel')}>
        <thead>
          <tr>
            <th className={classes.corner}>
              <Text size="xs" c="dimmed">
                {t(`analytics.rowsAre.${data.rowsAre}`)} \ {t(`analytics.level.${data.level}`)}
              </Text>
            </th>
            {data.columns.map((c) => (
              <th key={c.id ?? 'none'} className={classes.colHead} scope="col" title={c.population ? t('analytics.population', { n: c.population }) : undefined}>
                <span>{name(c.name)}</span>
              </th>
            ))}
            <th className={classes.colHead} scope="col">
              <span>{t('analytics.total')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={r.id ?? 'none'}>
              <th scope="row" className={classes.rowHead}>
                {name(r.name)}
              </th>
              {data.cells[i].map((c, j) => (
                <CellView key={j} data={data} c={c} against={against} title={cellTitle(t, data, c, name(r.name), name(data.columns[j].name))} />
              ))}
              <CellView data={data} c={r.total} against={against} total title={cellTitle(t, data, r.total, name(r.name), t('analytics.total'))} />
            </tr>
          ))}
          <tr>
            <th scope="row" className={classes.rowHead}>
              {t('analytics.total')}
            </th>
            {data.columns.map((c, j) => (
              <CellView key={j} data={data} c={c.total} against={against} total title={cellTitle(t, data, c.total, t('analytics.total'), name(c.name))} />
            ))}
            <CellView data={data} c={data.total} against={against} total title={cellTitle(t, data, data.total, t('analytics.total'), t('analytics.total'))} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
