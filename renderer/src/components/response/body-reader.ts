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
 * task: about 4 ms for a page this size on our 2-core machine, so it stays short even when a busy
 * machine stretches it several times; 1 MiB pages made twice that. The body still arrives as
 * fast (bench/json-viewer.bench.ts), since the host answers smaller pages sooner.
 */
export const FILE_PAGE_BYTES = 512 * 1024;
