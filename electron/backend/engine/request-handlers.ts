import type { Handlers } from '../dispatch';
import type { RequestEngine } from './request-engine';

export function createRequestHandlers(engine: RequestEngine): Pick<Handlers, 'previewRequest' | 'sendRequest' | 'cancelRequest' | 'readResponseBody' | 'releaseResponseBody'> {
  return {
    previewRequest: ({ request, variables }) => engine.preview(request, variables),
    sendRequest: (input, ctx) => engine.send(input, ctx.signal),
    cancelRequest: async ({ requestId }) => ({ cancelled: engine.cancel(requestId) }),
    readResponseBody: ({ responseId, offset, length }) => engine.readPage(responseId, offset, length),
    releaseResponseBody: async ({ responseId }) => ({ released: engine.bodies.release(responseId) }),
  };
}
