import { useVariableScope } from './variable-scope';

const MASK = '••••••••';

/** What a `{{variable}}` holds and where from; a secret stays masked. */
export function VariablePopover({ id, name }: { id: string; name: string }) {
  const info = useVariableScope().lookup(name);
  return (
    <div id={id} className="variable-popover" role="status" data-testid="variable-popover">
      <code className="variable-popover-name">{`{{${name}}}`}</code>
      {info ? (
        <>
          <span className="variable-popover-value">
            {info.secret ? (
              <>
                <span aria-hidden="true">{MASK}</span> <span className="variable-popover-note">secret, kept in the keychain</span>
              </>
            ) : info.value === '' ? (
              <span className="variable-popover-note">{info.source}</span>
            ) : (
              <code>{info.value}</code>
            )}
          </span>
          {(info.secret || info.value !== '') && <span className="variable-popover-source">from {info.source}</span>}
        </>
      ) : (
        <span className="variable-popover-missing">Not defined: add it to the environment or the collection’s variables.</span>
      )}
    </div>
  );
}
