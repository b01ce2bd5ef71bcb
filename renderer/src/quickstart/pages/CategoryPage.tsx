import { parseJsonStrict } from '../../../../shared/json';
import { CATEGORY_MEANINGS } from '../../../../shared/quickstart/steps';
import { CATEGORY_TYPES } from '../../../../shared/vipps/category';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';
import { requestOf } from '../step-requests';

type CategoryBody = Record<string, unknown>;

function urlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'Required: the page the customer opens from the app.';
  const filled = value.replace(/\{\{[^}]+\}\}/g, 'x');
  if (!/^https:\/\//i.test(filled)) return 'Use an https:// address.';
  try {
    new URL(filled);
    return null;
  } catch {
    return 'This is not a complete URL.';
  }
}

/** Form controls over the category body; the JSON editor below stays the source of truth. */
export function CategoryPage() {
  const model = useQuickStartModel();
  const { state } = model;
  const request = requestOf('category', state);
  const parsed = parseJsonStrict(request.body ?? '');
  const body: CategoryBody | null = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as CategoryBody) : null;
  const update = (change: (current: CategoryBody) => CategoryBody) => {
    if (!body) return;
    model.editRequest('category', { ...request, body: JSON.stringify(change({ ...body }), null, 2) });
  };
  const imageUploaded = state.order.uploadedImageId !== undefined;
  const problem = body ? urlProblem(body.orderDetailsUrl) : null;

  return (
    <div className="qs-page-body">
      {!body && <p className="qs-callout qs-callout-warning">Fix the JSON in the body below to use these controls again.</p>}
      <fieldset className="qs-card" disabled={!body}>
        <legend>Category</legend>
        <div className="qs-choice-list qs-choice-grid">
          {CATEGORY_TYPES.map((type) => (
            <label key={type} className="qs-choice">
              <input type="radio" name="category" value={type} checked={body?.category === type} onChange={() => update((b) => ({ ...b, category: type }))} />
              <span className="qs-choice-title">
                {CATEGORY_MEANINGS[type].label} <code>{type}</code>
              </span>
              <span className="qs-hint">{CATEGORY_MEANINGS[type].use}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="qs-card qs-form" role="group" aria-labelledby="category-link-title">
        <h3 id="category-link-title">Link and image</h3>
        <label htmlFor="category-url">orderDetailsUrl</label>
        <input
          id="category-url"
          type="text"
          inputMode="url"
          disabled={!body}
          value={typeof body?.orderDetailsUrl === 'string' ? body.orderDetailsUrl : ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby="category-url-problem"
          onChange={(event) => update((b) => ({ ...b, orderDetailsUrl: event.target.value }))}
        />
        <span id="category-url-problem" className={problem ? 'qs-error' : 'qs-hint'}>
          {problem ?? 'Opens in the phone’s browser when the customer taps the button.'}
        </span>
        <label className="qs-check">
          <input
            type="checkbox"
            disabled={!body}
            checked={typeof body?.imageId === 'string'}
            onChange={(event) =>
              update((b) => {
                if (event.target.checked) return { ...b, imageId: '{{imageId}}' };
                const { imageId: _removed, ...rest } = b;
                return rest;
              })
            }
          />
          Show the image from step 4 (imageId <code>{state.order.imageId}</code>)
        </label>
        {!imageUploaded && <span className="qs-hint">No image has been uploaded in this order; leave this off or upload one in step 4 first.</span>}
      </div>
      <RequestPanel requestKey="category" idPrefix="qs-category" />
    </div>
  );
}
