import net from 'node:net';

export interface RawExchange {
  /** Everything the server sent before it closed (or before the wait ended). */
  text: string;
  status: number | undefined;
  closedByServer: boolean;
}

/**
 * Writes bytes to a fresh connection as they are, without any HTTP client's normalising, then
 * reads until the server closes or `waitMs` passes. `hangUp` closes right after writing (a
 * client that goes away mid-request).
 */
export function rawExchange(port: number, bytes: string | Buffer, options: { waitMs?: number; hangUp?: boolean } = {}): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ text, status: status ? Number(status) : undefined, closedByServer });
    };
    const timer = setTimeout(finish, options.waitMs ?? 3_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(bytes, () => {
      if (options.hangUp) finish();
    });
  });
}
