import { useCallback, useEffect, useState } from 'react';

const KEY = 'mcu.analytics.osmBasemap';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The «Подложка OpenStreetMap» option: off by default, remembered per browser, and off whenever the
 * browser is offline (`navigator.onLine`, the `offline`/`online` events). `on` is what the map draws.
 */
export function useBasemap(): { on: boolean; online: boolean; set: (on: boolean) => void } {
  const [wanted, setWanted] = useState(stored);
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  const set = useCallback((on: boolean) => {
    setWanted(on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  return { on: wanted && online, online, set };
}
