import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { transportFailure } from '../../../electron/backend/engine/transport-errors';
import { expectError, startServer, tempFolder, testBackend, type TestBackend, type TestServer } from './harness';

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI at test time. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = tempFolder('vx-tls-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const result = { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

describe('TLS errors', () => {
  let t: TestBackend;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => res.end('should not be reached'), selfSignedCertificate());
    t = await testBackend();
  });
  afterAll(async () => {
    await t.dispose();
    await server.close();
  });

  test('a self-signed certificate is refused with code TLS and the reason', async () => {
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: `${server.url}/` } }), 'TLS');
    expect(error.message).toMatch(/self-signed/);
    expect(error.message).toContain(`127.0.0.1:${server.port}`);
    expect(server.requests).toHaveLength(0);
  });

  test('speaking https to a plain http server is a TLS error too', async () => {
    const plain = await startServer((_req, res) => res.end('plain'));
    try {
      const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: plain.url.replace('http:', 'https:') } }), 'TLS');
      expect(error.message).toMatch(/scheme|port/);
    } finally {
      await plain.close();
    }
  });

  test.each([
    ['CERT_HAS_EXPIRED', /expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /different host name/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', /authority this computer does not know/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /self-signed/],
  ])('%s is explained in words', (code, reason) => {
    const failure = transportFailure(Object.assign(new Error('socket error'), { code }), 'api.example.test', undefined, 30_000);
    expect(failure.code).toBe('TLS');
    expect(failure.message).toMatch(reason);
    expect(failure.message).toContain(code);
  });
});
