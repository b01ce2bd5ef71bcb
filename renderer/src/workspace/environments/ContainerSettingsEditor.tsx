import { useEffect, useState } from 'react';
import type { ContainerSettings, Variable } from '../../../../shared/model/collection';
import { useWorkspace, type RunPreset } from '../workspace-context';
import { SaveOutcome, type SaveMessage } from '../../components/common/SaveOutcome';

/**
 * A collection's (or folder's) variables. A secret one is masked here and its value goes to the
 * keychain; left empty, the stored value is kept.
 */
export function ContainerSettingsEditor({ target }: { target: RunPreset }) {
  const ws = useWorkspace();
  const { api } = ws;
  const [settings, setSettings] = useState<ContainerSettings | null>(null);
  const [message, setMessage] = useState<SaveMessage | null>(null);

  useEffect(() => {
    void api.getContainerSettings(target).then((answer) => {
      if (answer.ok) setSettings(answer.value);
      else setMessage({ ok: false, text: answer.error.message });
    });
  }, [api, target]);

  if (!settings)
    return message ? (
      <p className="field-error" role="alert">
        {message.text}
      </p>
    ) : null;

  const setVariable = (index: number, change: Partial<Variable>) => setSettings({ ...settings, variables: settings.variables.map((v, i) => (i === index ? { ...v, ...change } : v)) });
  const save = async () => {
    const answer = await api.saveContainerSettings({ ...target, settings: { ...settings, variables: settings.variables.filter((v) => v.key.trim() !== '') } });
    setMessage(answer.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: answer.error.message });
    if (answer.ok) {
      setSettings(answer.value);
      ws.collectionsChanged();
    }
  };

  return (
    <section className="container-settings" aria-labelledby="container-settings-title">
      <h2 id="container-settings-title">
        {target.path === '' ? 'Collection' : 'Folder'} “{settings.name}”: variables
      </h2>
      <p className="section-hint">Requests inside use these values before the environment’s. Mark a value secret to keep it in the keychain instead of the collection’s files.</p>
      <table className="kv-table" aria-label="Variables">
        <thead>
          <tr>
            <th scope="col" className="kv-check">
              <span className="visually-hidden">Use</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Secret</th>
            <th scope="col" className="kv-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.variables.map((v, i) => (
            <tr key={i}>
              <td className="kv-check">
                <input type="checkbox" aria-label={`Use variable ${v.key || i + 1}`} checked={v.enabled} onChange={(e) => setVariable(i, { enabled: e.target.checked })} />
              </td>
              <td>
                <input className="kv-key" aria-label={`Variable ${i + 1} name`} value={v.key} onChange={(e) => setVariable(i, { key: e.target.value })} />
              </td>
              <td>
                <input
                  className="kv-key"
                  aria-label={`Variable ${i + 1} value`}
                  type={v.secret ? 'password' : 'text'}
                  autoComplete="off"
                  placeholder={v.secret ? 'kept in the keychain (type to replace)' : ''}
                  value={v.value}
                  onChange={(e) => setVariable(i, { value: e.target.value })}
                />
              </td>
              <td>
                <input type="checkbox" aria-label={`Variable ${v.key || i + 1} is secret`} checked={v.secret} onChange={(e) => setVariable(i, { secret: e.target.checked })} />
              </td>
              <td className="kv-actions">
                <button type="button" className="button-quiet" aria-label={`Remove variable ${v.key || i + 1}`} onClick={() => setSettings({ ...settings, variables: settings.variables.filter((_, j) => j !== i) })}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="env-actions">
        <button type="button" className="button-quiet" onClick={() => setSettings({ ...settings, variables: [...settings.variables, { key: '', value: '', enabled: true, secret: false }] })}>
          Add variable
        </button>
        <button type="button" className="button-primary" onClick={() => void save()}>
          Save variables
        </button>
        <SaveOutcome message={message} />
      </div>
    </section>
  );
}
