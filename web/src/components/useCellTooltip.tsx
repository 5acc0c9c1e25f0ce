import { useEffect, useRef, useState } from 'react';
import { Portal } from '@mantine/core';
import classes from './DataTable.module.css';

interface Tip {
  text: string;
  x: number;
  y: number;
}

/**
 * One tooltip for a whole table: on hover over a cell whose text is cut (`data-trunc`), shows its
 * full text (`data-full`, or the cell's text) under it. Cheap with hundreds of cells.
 */
export function useCellTooltip() {
  const [tip, setTip] = useState<Tip | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const hide = () => {
    window.clearTimeout(timer.current);
    setTip(null);
  };
  const onMouseOver = (target: EventTarget) => {
    const el = (target as HTMLElement).closest<HTMLElement>('[data-trunc]');
    window.clearTimeout(timer.current);
    if (!el || el.scrollWidth <= el.clientWidth + 1) return setTip(null);
    const text = el.dataset.full || el.textContent || '';
    const rect = el.getBoundingClientRect();
    const x = Math.max(8, Math.min(rect.left, window.innerWidth - 496));
    timer.current = window.setTimeout(() => setTip({ text, x, y: rect.bottom + 4 }), 250);
  };
  const element = tip && (
    <Portal>
      <div className={classes.tip} role="tooltip" style={{ left: tip.x, top: tip.y }}>
        {tip.text}
      </div>
    </Portal>
  );
  return { onMouseOver, hide, element };
}
