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

/** 1 MiB pages: decoding one RPC answer of this size stays well under a 50 ms task. */
export const FILE_PAGE_BYTES = 512 * 1024;
