import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../electron/backend/dispatch';
import { fail } from '../../../electron/backend/failure';

function handlers(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('dispatch', () => {
  it('refuses a method that is not in the contract', async () => {
    const result = await dispatch(handlers({}), 'toString', {}, { host: 'test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('rejects input that does not match the schema before the handler runs', async () => {
    let called = false;
    const result = await dispatch(
      handlers({ dismissNotice: async () => ((called = true), { dismissed: true }) }),
      'dismissNotice',
      { id: 42 },
      { host: 'test' },
    );
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'id' }] } });
  });

  it('strips fields the contract does not declare from the output', async () => {
    const result = await dispatch(
      handlers({ dismissNotice: async () => ({ dismissed: true, clientSecret: 'leak' }) as never }),
      'dismissNotice',
      { id: 'a' },
      { host: 'test' },
    );
    expect(result).toEqual({ ok: true, value: { dismissed: true } });
  });

  it('turns an expected failure into an error value with its code', async () => {
    const result = await dispatch(
      handlers({ dismissNotice: async () => fail('NOT_FOUND', 'No such notice. Refresh the list.') }),
      'dismissNotice',
      { id: 'a' },
      { host: 'test' },
    );
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such notice. Refresh the list.' } });
  });

  it('reports an unexpected exception as INTERNAL without passing its text to the renderer', async () => {
    const lines: string[] = [];
    const result = await dispatch(
      handlers({
        dismissNotice: async () => {
          throw new Error('boom with secret-ish detail');
        },
      }),
      'dismissNotice',
      { id: 'a' },
      { host: 'test' },
      (line) => lines.push(line),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('boom');
    }
    expect(lines.join('\n')).toContain('boom');
  });
});
