import type { z } from 'zod';
import type { requestsContract } from '../../../../shared/contract/requests';
import type { Result } from '../../../../shared/errors';
import { useMemo } from 'react';
import { useExplorer } from '../../api/ExplorerContext';

type ReadSpec = (typeof requestsContract)['readResponseBody'];
export type ResponseBodyPageRequest = z.input<ReadSpec['input']>;
export type ResponseBodyPage = z.output<ReadSpec['output']>;
export type ReadResponseBody = (input: ResponseBodyPageRequest) => Promise<Result<ResponseBodyPage>>;

/**
 * The contract method that reads large bodies in pages. It is looked up by name because the
 * requests part of the contract may not be merged into ExplorerApi yet; once it is, this is
 * simply `api.readResponseBody`.
 */
export function useResponseBodyReader(): ReadResponseBody | null {
  const api = useExplorer() as unknown as { readResponseBody?: ReadResponseBody };
  return useMemo(() => (typeof api.readResponseBody === 'function' ? api.readResponseBody.bind(api) : null), [api]);
}

/**
 * 512 KiB pages. The browser decodes each RPC answer (text, then JSON) on the main thread in one
 * task whose length grows with the page (some 8 ms of CPU for 1 MiB in a trace here), so half
 * that keeps the task short even when a busy machine stretches it several times. The body
 * arrives no slower (bench/json-viewer.bench.ts): the host answers smaller pages sooner.
 */
export const FILE_PAGE_BYTES = 512 * 1024;
