// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { looksLikeCurl, readPastedCurl } from '../../../renderer/src/workspace/request/curl-paste';
import { RequestLine } from '../../../renderer/src/workspace/request/RequestLine';
import { newRequest, type ApiRequest } from '../../../shared/model/request';

afterEach(cleanup);

/** Written like the docs' examples: a fixed Vipps host, a placeholder, "bearer" for Bearer and a trailing comma. */
const DOCS_STYLE = `curl -X POST https://apitest.vipps.no/order-management/v2/ecom/receipts/PAYMENT-ORDER-ID \\
  -H "Content-Type: application/json" \\
  -H "Authorization: bearer YOUR-ACCESS-TOKEN" \\
  -d '{"orderLines": [{"name": "Socks", "id": "1",}]}'`;

function Harness({ seen }: { seen: ApiRequest[] }) {
  const [request, setRequest] = useState(() => newRequest({ name: 'New request', method: 'GET', url: '{{baseUrl}}/' }));
  seen.push(request);
  return <RequestLine request={request} onChange={setRequest} sending={false} sendBlock={null} unresolved={[]} onSend={() => {}} onCancel={() => {}} onSave={() => {}} dirty={false} idPrefix="t" />;
}

const paste = (text: string) => fireEvent.paste(screen.getByLabelText('URL'), { clipboardData: { getData: () => text } });

describe('pasting curl into the URL field', () => {
  it('tells a curl command from a URL that merely mentions curl', () => {
    expect(looksLikeCurl('curl https://x.test/')).toBe(true);
    expect(looksLikeCurl('  $ curl -X POST https://x.test/')).toBe(true);
    expect(looksLikeCurl('https://x.test/curl thing')).toBe(false);
    expect(looksLikeCurl('curling.example/')).toBe(false);
  });

  it('keeps the tab’s name and replaces a pasted literal key with the variable the keychain fills', () => {
    const current = newRequest({ name: 'Mine', method: 'GET', url: '' });
    const read = readPastedCurl("curl https://x.test/a -H 'Ocp-Apim-Subscription-Key: 0123456789abcdef' -H 'X-Keep: 1'", current);
    if ('error' in read) throw new Error(read.error);
    expect(read.request.name).toBe('Mine');
    expect(read.request.headers).toEqual([
      expect.objectContaining({ key: 'Ocp-Apim-Subscription-Key', value: '{{Ocp-Apim-Subscription-Key}}' }),
      expect.objectContaining({ key: 'X-Keep', value: '1' }),
    ]);
    expect(JSON.stringify(read.request)).not.toContain('0123456789abcdef');
    expect(read.notes.join(' ')).toMatch(/not kept/);
  });

  it('turns a pasted command into method, URL, headers and body, offers each defect’s fix, and Undo puts the pasted text back', () => {
    const seen: ApiRequest[] = [];
    render(<Harness seen={seen} />);
    paste(DOCS_STYLE);
    const now = () => seen[seen.length - 1]!;
    expect(now().method).toBe('POST');
    expect(now().url).toBe('https://apitest.vipps.no/order-management/v2/ecom/receipts/PAYMENT-ORDER-ID');
    expect(now().headers.map((h) => h.key)).toEqual(['Content-Type', 'Authorization']);
    expect(now().body.mode).toBe('json');
    const defects = screen.getByRole('list', { name: 'Defects in the pasted command' });
    expect(defects.textContent).toMatch(/trailing comma/);
    expect(defects.textContent).toMatch(/"bearer"/);

    fireEvent.click(screen.getByRole('button', { name: 'Remove the trailing commas' }));
    expect(JSON.parse((now().body as { text: string }).text)).toEqual({ orderLines: [{ name: 'Socks', id: '1' }] });
    expect(screen.getByRole('list', { name: 'Defects in the pasted command' }).textContent).not.toMatch(/trailing comma/);

    fireEvent.click(screen.getByRole('button', { name: 'Fix all' }));
    expect(now().url).toBe('{{base_url}}/order-management/v2/ecom/receipts/{{orderId}}');
    expect(now().headers[1]!.value).toBe('Bearer {{access_token}}');
    expect(screen.queryByRole('list', { name: 'Defects in the pasted command' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo paste' }));
    expect(now().method).toBe('GET');
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toMatch(/^curl -X POST https:\/\/apitest\.vipps\.no\/.* -H "Content-Type: application\/json"/);
    expect(screen.queryByRole('region', { name: 'Pasted curl command' })).toBeNull();
  });

  it('Ctrl+Z in the URL field right after the paste undoes it; a plain URL pastes as text', () => {
    const seen: ApiRequest[] = [];
    render(<Harness seen={seen} />);
    paste('https://x.test/plain');
    expect(screen.queryByRole('region', { name: 'Pasted curl command' })).toBeNull();
    paste("curl -X DELETE 'https://x.test/item?id=3'");
    expect(seen[seen.length - 1]!.method).toBe('DELETE');
    expect(seen[seen.length - 1]!.params).toEqual([expect.objectContaining({ key: 'id', value: '3' })]);
    fireEvent.keyDown(screen.getByLabelText('URL'), { key: 'z', ctrlKey: true });
    expect(seen[seen.length - 1]!.method).toBe('GET');
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe("curl -X DELETE 'https://x.test/item?id=3'");
  });

  it('says why a command it cannot read was left as pasted text', () => {
    render(<Harness seen={[]} />);
    paste("curl -H 'A: b'");
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read: .*no URL/);
  });
});
