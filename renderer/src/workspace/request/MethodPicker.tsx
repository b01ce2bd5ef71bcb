import { useState, type KeyboardEvent } from 'react';
import { httpMethods, methodToken } from '../../../../shared/contract/requests';

const OTHER = '__other__';

/**
 * The method menu: the common methods, and "Other…" for a method of one's own (PURGE,
 * PROPFIND…), which Postman and curl send as typed. A method that is no HTTP token is refused
 * where it is typed, and the request keeps its method.
 */
export function MethodPicker({ id, value, onChange }: { id: string; value: string; onChange(method: string): void }) {
  const [typing, setTyping] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const known = (httpMethods as readonly string[]).includes(value);

  const commit = () => {
    if (typing === null) return;
    const method = methodToken(typing);
    if (method === null) {
      setProblem('One word of letters, digits and !#$%&’*+-.^_`|~, such as PURGE.');
      return;
    }
    setProblem(null);
    setTyping(null);
    onChange(method);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setProblem(null);
      setTyping(null);
    }
  };

  if (typing !== null) {
    return (
      <span className="method-other">
        <label htmlFor={id} className="visually-hidden">
          Method
        </label>
        <input
          id={id}
          className="method-select method-custom"
          value={typing}
          autoFocus
          spellCheck={false}
          size={8}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setTyping(event.target.value)}
          onKeyDown={onKey}
          onBlur={commit}
        />
        {problem && (
          <span id={`${id}-problem`} role="alert" className="field-error">
            {problem}
          </span>
        )}
      </span>
    );
  }
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Method
      </label>
      <select id={id} className={`method-select method-${value.toLowerCase()}`} value={value} onChange={(event) => (event.target.value === OTHER ? setTyping(known ? '' : value) : onChange(event.target.value))}>
        {httpMethods.map((method) => (
          <option key={method} value={method}>
            {method}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
        <option value={OTHER}>Other…</option>
      </select>
    </>
  );
}
