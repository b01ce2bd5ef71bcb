import { useEffect, useRef, useState } from 'react';
import { copyText } from './clipboard';

export interface CopyButtonProps {
  /** The text to copy, or a function that fetches it (e.g. from the JSON worker). */
  text: string | (() => Promise<string> | string);
  label: string;
  /** Accessible name when the visible label is too short to say what is copied. */
  ariaLabel?: string;
  disabled?: boolean;
  className?: string;
}

/** A button that copies and says so for a moment, including to screen readers. */
export function CopyButton({ text, label, ariaLabel, disabled, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    const value = typeof text === 'function' ? await text() : text;
    const copied = await copyText(value);
    setState(copied ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 1500);
  };

  return (
    <>
      <button type="button" className={className ?? 'button-quiet'} aria-label={ariaLabel} disabled={disabled} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'The clipboard refused the text; select it and copy by hand.' : ''}
      </span>
    </>
  );
}
