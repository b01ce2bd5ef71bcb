import net from 'node:net';

/** Resolves true when nothing listens on host:port (we could bind it ourselves). */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

async function freePort(host) {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen({ port: 0, host }, resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The port for Vite's dev server: the preferred one when it is free, otherwise a free one,
 * with a line saying so. Printing the preferred port regardless would send the user to
 * whatever else is listening there.
 */
export async function pickDevPort(preferred, host = '127.0.0.1') {
  if (await portIsFree(preferred, host)) return { port: preferred, note: undefined };
  const port = await freePort(host);
  return { port, note: `Port ${preferred} on ${host} is already in use by another program, so the dev renderer uses port ${port} instead.` };
}
