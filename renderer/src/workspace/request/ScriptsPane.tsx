import { useState } from 'react';
import type { ApiRequest } from '../../../../shared/model/request';
import { CodeArea } from '../../components/request/lazy-editors';

/** Postman-style pre-request and test scripts, kept verbatim with the request. */
export function ScriptsPane({ request, onChange, idPrefix }: { request: ApiRequest; onChange(next: ApiRequest): void; idPrefix: string }) {
  const [which, setWhich] = useState<'preRequest' | 'test'>('preRequest');
  const set = (text: string) => onChange({ ...request, scripts: { ...request.scripts, [which]: text } });
  return (
    <div className="pane">
      <fieldset className="body-modes">
        <legend className="visually-hidden">Script</legend>
        {(
          [
            ['preRequest', 'Pre-request'],
            ['test', 'Tests'],
          ] as const
        ).map(([id, label]) => (
          <label key={id} className={`body-mode ${which === id ? 'body-mode-on' : ''}`}>
            <input type="radio" name={`${idPrefix}-script`} checked={which === id} onChange={() => setWhich(id)} />
            {label}
            {request.scripts[id].trim() !== '' && <span aria-label="(has a script)"> •</span>}
          </label>
        ))}
      </fieldset>
      <p className="section-hint">
        {which === 'preRequest' ? 'Runs before the request is sent (pm.variables, pm.environment, …).' : 'Runs on the answer: pm.test(…) results show in the runner.'} Scripts are
        kept with the request and run in an isolated sandbox.
      </p>
      <CodeArea key={which} value={request.scripts[which]} onChange={set} language="javascript" label={which === 'preRequest' ? 'Pre-request script' : 'Test script'} />
    </div>
  );
}
