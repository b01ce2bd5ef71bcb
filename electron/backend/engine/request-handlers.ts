import type { Handlers } from '../dispatch';
import type { ProfileService } from '../profiles/profile-service';
import type { RequestEngine } from './request-engine';

/** The app's single sends: the active profile, always recorded in the history. */
export function createRequestHandlers(engine: RequestEngine, profiles: ProfileService): Pick<Handlers, 'previewRequest' | 'sendRequest' | 'cancelRequest' | 'readResponseBody' | 'releaseResponseBody'> {
  return {
    previewRequest: ({ request, variables }) => engine.preview(request, variables, profiles.active().id),
    sendRequest: (input, ctx) => engine.send({ ...input, profileId: profiles.active().id, recordHistory: true }, ctx.signal),
    cancelRequest: async ({ requestId }) => ({ cancelled: engine.cancel(requestId) }),
    readResponseBody: ({ responseId, offset, length }) => engine.readPage(responseId, offset, length),
    releaseResponseBody: async ({ responseId }) => ({ released: engine.bodies.release(responseId) }),
  };
}
