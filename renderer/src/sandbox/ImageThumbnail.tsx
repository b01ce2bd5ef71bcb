import { useEffect, useState } from 'react';
import type { SandboxImage } from '../../../shared/contract/sandbox';
import { useExplorer } from '../api/ExplorerContext';

// Only types the sandbox accepts become a data: URL, so a stored value can never turn into markup.
const SHOWABLE = /^image\/(png|jpeg)$/;
const CACHE_LIMIT = 60;

/**
 * Thumbnails already fetched, keyed by upload time as well as id: after a reset the same id
 * can hold another picture. Kept for the page's life so switching tabs does not refetch.
 */
const cache = new Map<string, string>();

function cacheKey(image: SandboxImage): string {
  return `${image.msn}\u0000${image.imageId}\u0000${image.createdAt}`;
}

function remember(key: string, url: string): void {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, url);
}

/** A small picture of an image stored in the sandbox, fetched over the contract on first view. */
export function ImageThumbnail({ image, size = 'small' }: { image: SandboxImage; size?: 'small' | 'large' }) {
  const api = useExplorer();
  const key = cacheKey(image);
  const [loaded, setLoaded] = useState<{ key: string; url: string | null; problem: string | null } | null>(() => {
    const url = cache.get(key);
    return url ? { key, url, problem: null } : null;
  });
  const current = loaded?.key === key ? loaded : null;

  useEffect(() => {
    if (cache.has(key)) {
      setLoaded({ key, url: cache.get(key) ?? null, problem: null });
      return;
    }
    let live = true;
    void api.getSandboxImage({ imageId: image.imageId, msn: image.msn }).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setLoaded({ key, url: null, problem: answer.error.message });
      if (!SHOWABLE.test(answer.value.mime)) return setLoaded({ key, url: null, problem: `Not shown: ${answer.value.mime} is not a PNG or JPEG.` });
      const url = `data:${answer.value.mime};base64,${answer.value.base64}`;
      remember(key, url);
      setLoaded({ key, url, problem: null });
    });
    return () => {
      live = false;
    };
  }, [api, key, image.imageId, image.msn]);

  const className = `sb-thumb sb-thumb-${size}`;
  if (current?.url) return <img className={className} src={current.url} alt={`Image ${image.imageId}`} data-testid="sandbox-thumbnail" />;
  return (
    <span className={`${className} sb-thumb-missing`} title={current?.problem ?? undefined}>
      {current?.problem ? 'No preview' : 'Loading…'}
    </span>
  );
}
