// Parses large response bodies off the main thread and answers the tree view's questions;
// all the logic lives in json-tree-model.ts so it can be tested without a Worker.
import { JsonTreeModel } from './json-tree-model';
import { answerTreeRequest, type TreeReply, type TreeRequest } from './json-tree-protocol';

// The project compiles against the DOM library; the webworker library would clash with it, so
// the two members of the worker scope used here are described by hand.
interface TreeWorkerScope {
  onmessage: ((event: MessageEvent<TreeRequest>) => void) | null;
  postMessage(reply: TreeReply): void;
}

const model = new JsonTreeModel();
const scope = self as unknown as TreeWorkerScope;

scope.onmessage = (event) => {
  const reply = answerTreeRequest(model, event.data);
  if (reply) scope.postMessage(reply);
};
