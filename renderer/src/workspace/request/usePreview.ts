import { useEffect, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { ResolvedRequest } from '../../../../shared/contract/requests';
import type { ApiRequest, RequestAuth } from '../../../../shared/model/request';
import { toWireRequest } from './wire';

const PREVIEW_DELAY_MS = 250;

/** The request as the engine would send it (automatic headers, unresolved variables), a moment after typing stops. */
export function usePreview(api: ExplorerApi, request: ApiRequest | null, collection?: Record<string, string>, inheritedAuth: readonly RequestAuth[] = []): ResolvedRequest | null {
  const [preview, setPreview] = useState<ResolvedRequest | null>(null);
  const wire = request ? toWireRequest(request, inheritedAuth) : null;
  const key = wire?.ok ? JSON.stringify(wire.request) : null;
  const collectionKey = JSON.stringify(collection ?? {});
  useEffect(() => {
    if (!key) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      void api.previewRequest({ request: JSON.parse(key), variables: { collection: JSON.parse(collectionKey) } }).then((answer) => {
        if (live) setPreview(answer.ok ? answer.value : null);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, key, collectionKey]);
  return preview;
}
