/**
 * "Put the focus in the URL field", asked for before the field may exist (Ctrl+N from the quick
 * start opens the Requests view first). The field takes the request when it mounts, or at once
 * when it is already shown.
 */
const EVENT = 'vx-focus-url';
let pending = false;

export function requestUrlFocus(): void {
  pending = true;
  window.dispatchEvent(new Event(EVENT));
}

/** Called by the URL field: on mount and on each request. Returns the unsubscribe. */
export function onUrlFocusRequest(focus: () => boolean): () => void {
  const take = () => {
    if (pending && focus()) pending = false;
  };
  take();
  window.addEventListener(EVENT, take);
  return () => window.removeEventListener(EVENT, take);
}
