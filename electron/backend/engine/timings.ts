import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Timings } from '../../../shared/contract/requests';

const round = (ms: number) => Math.max(0, Math.round(ms * 100) / 100);

/**
 * Phase times of one HTTP exchange, read from the socket's own events. A socket taken from
 * the keep-alive pool is already connected, so its dns, connect and tls phases are 0.
 */
export class TimingRecorder {
  readonly #start = performance.now();
  #socketAt: number | undefined;
  #dnsAt: number | undefined;
  #connectAt: number | undefined;
  #tlsAt: number | undefined;
  #firstByteAt: number | undefined;
  #endAt: number | undefined;
  #reused = false;

  attach(request: ClientRequest): void {
    request.once('socket', (socket: Socket) => {
      this.#socketAt = performance.now();
      if (!socket.connecting) {
        this.#reused = true;
        return;
      }
      socket.once('lookup', () => (this.#dnsAt = performance.now()));
      socket.once('connect', () => (this.#connectAt = performance.now()));
      socket.once('secureConnect', () => (this.#tlsAt = performance.now()));
    });
    request.once('response', () => (this.#firstByteAt = performance.now()));
  }

  get reusedSocket(): boolean {
    return this.#reused;
  }

  finish(): void {
    this.#endAt ??= performance.now();
  }

  result(): Timings {
    const end = this.#endAt ?? performance.now();
    const socketAt = this.#socketAt ?? this.#start;
    if (this.#reused) {
      return { dns: 0, connect: 0, tls: 0, firstByte: round((this.#firstByteAt ?? end) - socketAt), total: round(end - this.#start) };
    }
    // An IP literal needs no lookup, so there is no lookup event: DNS took no time.
    const dnsEnd = this.#dnsAt ?? socketAt;
    const connectEnd = this.#connectAt ?? dnsEnd;
    const tlsEnd = this.#tlsAt ?? connectEnd;
    return {
      dns: round(dnsEnd - socketAt),
      connect: round(connectEnd - dnsEnd),
      tls: round(tlsEnd - connectEnd),
      firstByte: round((this.#firstByteAt ?? end) - tlsEnd),
      total: round(end - this.#start),
    };
  }
}

export function addTimings(a: Timings, b: Timings): Timings {
  return { dns: a.dns + b.dns, connect: a.connect + b.connect, tls: a.tls + b.tls, firstByte: a.firstByte + b.firstByte, total: a.total + b.total };
}
