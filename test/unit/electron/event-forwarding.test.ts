import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/backend/events/event-bus';
import { forwardContractEvents } from '../../../electron/main/ipc-bridge';
import { IPC_EVENT_CHANNEL } from '../../../shared/contract';

function fakeWindow(url: string) {
  const window = new EventEmitter() as EventEmitter & { webContents: { sent: unknown[]; url: string; destroyed: boolean; send(channel: string, message: unknown): void; isDestroyed(): boolean; getURL(): string } };
  window.webContents = {
    sent: [],
    url,
    destroyed: false,
    send(channel, message) {
      this.sent.push([channel, message]);
    },
    isDestroyed() {
      return this.destroyed;
    },
    getURL() {
      return this.url;
    },
  };
  return window;
}

const change = { collectionId: 'c', reason: 'saved' as const };

describe('forwarding contract events to the window', () => {
  it('sends each event on the one event channel while the window shows the app', () => {
    const bus = new EventBus();
    const window = fakeWindow('app://explorer/index.html');
    forwardContractEvents({ events: bus }, window);
    bus.publish('collections', change);
    expect(window.webContents.sent).toEqual([[IPC_EVENT_CHANNEL, { event: 'collections', payload: change }]]);
  });

  it('sends nothing while the window shows a foreign page, and stops when it closes', () => {
    const bus = new EventBus();
    const window = fakeWindow('https://evil.example/');
    forwardContractEvents({ events: bus }, window);
    bus.publish('collections', change);
    expect(window.webContents.sent).toEqual([]);
    window.webContents.url = 'app://explorer/';
    window.emit('closed');
    bus.publish('collections', change);
    expect(window.webContents.sent).toEqual([]);
    expect(bus.listenerCount).toBe(0);
  });

  it('drops an event whose payload breaks the contract instead of sending it', () => {
    const lines: string[] = [];
    const bus = new EventBus((line) => lines.push(line));
    const window = fakeWindow('app://explorer/');
    forwardContractEvents({ events: bus }, window);
    bus.publish('collections', { collectionId: '', reason: 'saved' });
    expect(window.webContents.sent).toEqual([]);
    expect(lines[0]).toContain('did not match its contract');
  });
});
