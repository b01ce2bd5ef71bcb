import { describe, expect, test } from 'vitest';
import { Redactor } from '../../../electron/backend/history/redactor';

const secret = 'S3cr3t/with+special=chars';
const redactor = new Redactor([
  { label: 'client_secret', value: secret },
  { label: 'subscription_key', value: 'sub-key-1234567890' },
  { label: 'access_token', value: 'eyJhbGciOi.token.part' },
  { label: 'client_id', value: 'ab' },
]);

describe('redaction', () => {
  test('replaces a secret by value wherever it appears, with a visible placeholder', () => {
    expect(redactor.text(`before ${secret} middle ${secret} after`)).toBe('before «redacted:client_secret» middle «redacted:client_secret» after');
  });

  test('catches the URL-encoded form of a secret too', () => {
    expect(redactor.text(`https://x.test/?s=${encodeURIComponent(secret)}`)).toBe('https://x.test/?s=«redacted:client_secret»');
  });

  test('credential headers lose their whole value by name, others only the secrets inside them', () => {
    expect(
      redactor.headers([
        { name: 'Authorization', value: 'Bearer something-unknown' },
        { name: 'Cookie', value: 'session=abc' },
        { name: 'set-cookie', value: 'id=1' },
        { name: 'client_id', value: 'whatever' },
        { name: 'X-Echo', value: 'key sub-key-1234567890 here' },
        { name: 'Content-Type', value: 'application/json' },
      ]),
    ).toEqual([
      { name: 'Authorization', value: '«redacted:authorization»' },
      { name: 'Cookie', value: '«redacted:cookie»' },
      { name: 'set-cookie', value: '«redacted:cookie»' },
      { name: 'client_id', value: '«redacted:client_id»' },
      { name: 'X-Echo', value: 'key «redacted:subscription_key» here' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
  });

  test('an access_token field is redacted by name even when the token is unknown and the JSON is cut off', () => {
    expect(redactor.text('{"token_type":"Bearer","access_token":"eyJunknown.token"}')).toBe('{"token_type":"Bearer","access_token":"«redacted:access_token»"}');
    expect(redactor.text('{"access_token" : "eyJcut-off-in-the-midd')).toBe('{"access_token" : "«redacted:access_token»');
    expect(redactor.text('grant=x&access_token=abc123&y=1')).toBe('grant=x&access_token=«redacted:access_token»&y=1');
  });

  test('values too short to be keys are left alone rather than garbling text', () => {
    expect(redactor.text('abc ab')).toBe('abc ab');
  });
});
