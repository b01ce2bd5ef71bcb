// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpRequestInput, ResolvedRequest } from '../../../shared/contract/requests';
import { RequestEditor, type RequestEditorProps } from '../../../renderer/src/components/request/RequestEditor';
import { preloadEditors } from '../../../renderer/src/components/request/lazy-editors';
import { locateJsonPath } from '../../../renderer/src/components/request/json-locate';
import { checkBody, maskBareVariables } from '../../../renderer/src/components/request/body-check';
import { bodyDiagnostics } from '../../../renderer/src/components/request/body-codemirror';
import { EditorView } from '@codemirror/view';

afterEach(cleanup);
// The editors load apart from the first screen's bundle; the app fetches them once it is up.
beforeAll(() => preloadEditors());

const BODY_WITH_TRAILING_COMMA = '{\n  "category": "GENERAL",\n  "orderDetailsUrl": "https://example.com/o/1",\n}';

function preview(overrides: Partial<ResolvedRequest> = {}): ResolvedRequest {
  return {
    method: 'PUT',
    url: 'http://127.0.0.1/order-management/v2/ecom/categories/o-1',
    headers: [
      { name: 'Authorization', value: 'Bearer ••••', auto: true, secret: true },
      { name: 'Merchant-Serial-Number', value: '123456', auto: true, secret: false },
      { name: 'Content-Type', value: 'application/json', auto: false, secret: false },
    ],
    body: '',
    unresolved: [],
    toProfileHost: true,
    ...overrides,
  };
}

/** The editor with its request held in state, as the page holds it. */
function Harness(props: Partial<RequestEditorProps> & { initial: HttpRequestInput; spy?: (next: HttpRequestInput) => void }) {
  const { initial, spy, ...rest } = props;
  const [request, setRequest] = useState(initial);
  return (
    <RequestEditor
      request={request}
      onChange={(next) => {
        spy?.(next);
        setRequest(next);
      }}
      preview={rest.preview ?? null}
      sending={rest.sending ?? false}
      onSend={rest.onSend ?? (() => {})}
      onCancel={rest.onCancel ?? (() => {})}
      idPrefix="req"
      {...rest}
    />
  );
}

const putRequest = (body: string): HttpRequestInput => ({ method: 'PUT', url: '{{baseUrl}}/order-management/v2/ecom/categories/{{orderId}}', headers: [], body });

describe('RequestEditor: the JSON body', () => {
  it('names a trailing comma with its line and column, and the fix button removes it', async () => {
    const spy = vi.fn();
    render(<Harness initial={putRequest(BODY_WITH_TRAILING_COMMA)} spy={spy} />);
    const status = () => document.getElementById('req-body-status')!;
    expect(status().textContent).toContain('Trailing comma after the last property at line 3, column 47');
    fireEvent.click(screen.getByRole('button', { name: 'Remove trailing commas' }));
    const fixed = spy.mock.calls.at(-1)![0] as HttpRequestInput;
    expect(fixed.body).toBe('{\n  "category": "GENERAL",\n  "orderDetailsUrl": "https://example.com/o/1"\n}');
    await waitFor(() => expect(status().textContent).toContain('Valid JSON'));
    expect(screen.queryByRole('button', { name: 'Remove trailing commas' })).toBeNull();
  });

  it('disables Send while the JSON is invalid and says why', () => {
    const onSend = vi.fn();
    render(<Harness initial={putRequest('{"a": }')} onSend={onSend} />);
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const reason = document.getElementById(send.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).toMatch(/not valid JSON yet: Invalid JSON at line 1, column 7/);
    fireEvent.keyDown(screen.getByLabelText('URL'), { key: 'Enter', ctrlKey: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('reports other syntax errors with line and column', () => {
    render(<Harness initial={putRequest('{\n  "a": 1\n  "b": 2\n}')} />);
    expect(document.getElementById('req-body-status')!.textContent).toContain('Invalid JSON at line 3, column 3: a comma was expected');
  });

  it('shows each rule issue with its JSON path under the editor', () => {
    const rules = (body: unknown) => ((body as { category?: string }).category === 'GENERAL' ? [] : [{ name: 'category', reason: 'category must be one of GENERAL, RECEIPT…' }]);
    render(<Harness initial={putRequest('{"category": "general", "orderDetailsUrl": "https://x.no"}')} rules={rules} />);
    const item = screen.getByText('category', { selector: 'code' }).closest('li')!;
    expect(item.getAttribute('data-path')).toBe('category');
    expect(item.textContent).toContain('must be one of GENERAL');
    expect(within(item).getByRole('button', { name: 'category' })).toBeTruthy();
  });

  it('moves the cursor to the property when an issue path is clicked', () => {
    const body = '{\n  "category": "general",\n  "orderDetailsUrl": "https://x.no"\n}';
    render(<Harness initial={putRequest(body)} rules={() => [{ name: 'category', reason: 'must be GENERAL' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'category' }));
    const view = EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!;
    const selection = view.state.selection.main;
    expect(body.slice(selection.from, selection.to)).toBe('"category"');
  });

  it('gives CodeMirror the same problems as lint diagnostics, with the fix as an action', () => {
    const [comma] = bodyDiagnostics(BODY_WITH_TRAILING_COMMA, null);
    expect(comma).toMatchObject({ severity: 'error', from: 73, message: expect.stringContaining('line 3, column 47') });
    expect(comma!.actions!.map((action) => action.name)).toEqual(['Remove trailing commas']);
    const text = '{"orderLines": [{"totalTaxAmount": 1}]}';
    const [rule] = bodyDiagnostics(text, null, () => [{ name: 'orderLines[0].totalTaxAmount', reason: 'does not add up' }]);
    expect(rule!.severity).toBe('warning');
    expect(text.slice(rule!.from, rule!.to)).toBe('"totalTaxAmount"');
  });

  it('accepts an empty body for GET and lets it be sent', () => {
    const onSend = vi.fn();
    render(<Harness initial={{ method: 'GET', url: 'http://x/y', headers: [], body: '' }} onSend={onSend} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('treats a bare {{variable}} as a value, so the body is not called invalid', () => {
    expect(maskBareVariables('{"amount": {{amount}}, "s": "{{x}}"}')).toBe('{"amount": 0         , "s": "{{x}}"}');
    expect(checkBody('{"amount": {{amount}}}', null).syntax).toBeNull();
  });

  it('finds the property a rule issue names, or the nearest part of its path', () => {
    const text = '{"orderLines": [{"name": "a", "totalTaxAmount": 5}]}';
    const exact = locateJsonPath(text, 'orderLines[0].totalTaxAmount')!;
    expect(text.slice(exact.from, exact.to)).toBe('"totalTaxAmount"');
    const missing = locateJsonPath(text, 'orderLines[0].taxRate')!;
    expect(text.charAt(missing.from)).toBe('{');
  });
});

describe('RequestEditor: headers', () => {
  it('shows automatic headers greyed, masks secret ones, and overrides on request', () => {
    const spy = vi.fn();
    render(<Harness initial={putRequest('{}')} preview={preview()} spy={spy} />);
    const autos = screen.getAllByTestId('auto-header');
    expect(autos.map((row) => row.querySelector('th')!.textContent)).toEqual(['Authorization', 'Merchant-Serial-Number']);
    expect(autos[0]!.textContent).toContain('••••••••');
    expect(autos[0]!.textContent).toContain('added automatically');
    expect(autos[0]!.className).toContain('header-auto');
    expect(autos[1]!.textContent).toContain('123456');
    expect(screen.getByText(/A header you add with the same name replaces the automatic one/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Override Merchant-Serial-Number' }));
    expect((spy.mock.calls.at(-1)![0] as HttpRequestInput).headers).toEqual([{ name: 'Merchant-Serial-Number', value: '123456', enabled: true }]);
    expect((screen.getByLabelText('Header 1 name') as HTMLInputElement).value).toBe('Merchant-Serial-Number');
    expect(screen.getAllByTestId('auto-header')[1]!.textContent).toContain('replaced by your header');
    expect(screen.queryByRole('button', { name: 'Override Merchant-Serial-Number' })).toBeNull();
  });

  it('does not copy a secret value when overriding it', () => {
    const spy = vi.fn();
    render(<Harness initial={putRequest('{}')} preview={preview()} spy={spy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Override Authorization' }));
    expect((spy.mock.calls.at(-1)![0] as HttpRequestInput).headers).toEqual([{ name: 'Authorization', value: '', enabled: true }]);
  });

  it('adds, disables and removes header rows', () => {
    const spy = vi.fn();
    render(<Harness initial={{ ...putRequest('{}'), headers: [{ name: 'X-One', value: '1', enabled: true }] }} spy={spy} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Send header X-One' }));
    expect((spy.mock.calls.at(-1)![0] as HttpRequestInput).headers![0]!.enabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
    expect((spy.mock.calls.at(-1)![0] as HttpRequestInput).headers).toHaveLength(2);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove header row 2' }));
    expect((spy.mock.calls.at(-1)![0] as HttpRequestInput).headers).toHaveLength(1);
  });
});

describe('RequestEditor: sending and resetting', () => {
  it('sends on Ctrl+Enter from anywhere in the editor', () => {
    const onSend = vi.fn();
    render(<Harness initial={putRequest('{"a": 1}')} onSend={onSend} />);
    fireEvent.keyDown(screen.getByLabelText('URL'), { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Add header' }), { key: 'Enter', metaKey: true });
    expect(onSend).toHaveBeenCalledTimes(2);
  });

  it('sends once on Ctrl+Enter inside the body editor', () => {
    const onSend = vi.fn();
    render(<Harness initial={putRequest('{"a": 1}')} onSend={onSend} />);
    fireEvent.keyDown(document.querySelector('.cm-content')!, { key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true });
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('offers Cancel instead of Send while sending', () => {
    const onCancel = vi.fn();
    render(<Harness initial={putRequest('{}')} sending onCancel={onCancel} />);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('marks variables nobody defines in the URL', () => {
    render(<Harness initial={putRequest('{}')} preview={preview({ unresolved: ['orderId'] })} />);
    const url = screen.getByLabelText('URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(url.getAttribute('aria-describedby')!)!.textContent).toContain('{{orderId}} has no value: nobody defines it');
    const marks = document.querySelectorAll('.url-overlay mark');
    expect([...marks].map((m) => [m.textContent, m.className.includes('unresolved')])).toEqual([
      ['{{baseUrl}}', false],
      ['{{orderId}}', true],
    ]);
  });

  it('resets at once when nothing was edited, and asks first when it was', () => {
    const onReset = vi.fn();
    render(<Harness initial={putRequest('{}')} onReset={onReset} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to template' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://changed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset to template' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Discard my edits' }));
    expect(onReset).toHaveBeenCalledTimes(2);
  });

  it('keeps the method fixed when the step says so', () => {
    render(<Harness initial={putRequest('{}')} readOnlyMethod />);
    expect((screen.getByLabelText('Method') as HTMLSelectElement).disabled).toBe(true);
  });
});
