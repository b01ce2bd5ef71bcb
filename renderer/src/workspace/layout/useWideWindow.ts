import { useEffect, useState } from 'react';

/** From about 1200 px the request and the response sit side by side, as in Postman and Insomnia. */
export const SIDE_BY_SIDE_MIN_WIDTH = 1200;

export function useWideWindow(minWidth = SIDE_BY_SIDE_MIN_WIDTH): boolean {
  const query = `(min-width: ${minWidth}px)`;
  const [wide, setWide] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setWide(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return wide;
}
