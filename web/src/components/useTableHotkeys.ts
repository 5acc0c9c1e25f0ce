import { useEffect, useRef, type RefObject } from 'react';

interface Handlers {
  /** The table's container, marked with data-datatable. */
  root: RefObject<HTMLElement | null>;
  search: RefObject<HTMLInputElement | null>;
  /** The page's main table answers the keys when the focus is outside every table. */
  primary: boolean;
  move: (delta: 1 | -1) => void;
  open: () => void;
}

const TYPING = /^(INPUT|TEXTAREA|SELECT)$/;
const INTERACTIVE = 'button, a[href], input, textarea, select, [role="button"], [role="tab"], [role="option"], [role="menuitem"]';

/**
 * Keyboard for lists (screens.md): «/» focuses the search, j/k move the selected row, Enter opens
 * it. Nothing happens while a drawer or modal is open, while the user types, or with modifiers.
 */
export function useTableHotkeys(handlers: Handlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const h = ref.current;
      const root = h.root.current;
      if (!root) return;
      const target = (e.target instanceof HTMLElement ? e.target : document.body) as HTMLElement;
      if (document.querySelector('[aria-modal="true"], [role="dialog"]')) return;
      if (target.closest('[role="menu"], [role="listbox"]')) return;
      const owner = target.closest('[data-datatable]');
      if (owner ? owner !== root : !h.primary) return;
      const typing = target.isContentEditable || TYPING.test(target.tagName);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        h.search.current?.focus();
        h.search.current?.select();
        return;
      }
      if (typing) return;
      if (e.key === 'j' || e.key === 'о') {
        e.preventDefault();
        h.move(1);
      } else if (e.key === 'k' || e.key === 'л') {
        e.preventDefault();
        h.move(-1);
      } else if (e.key === 'Enter' && (target === document.body || !target.closest(INTERACTIVE))) {
        e.preventDefault();
        h.open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
