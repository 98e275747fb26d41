/** IPC answers only the Studio window's top frame on the Studio's origin. */
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/trusted-sender.ts';

const trusted = { webContentsId: 7, origin: 'http://127.0.0.1:4780' };
const event = (id: number, url: string, parent: unknown = null) => ({ sender: { id }, senderFrame: { url, parent } });

describe('trusted IPC sender', () => {
  it('accepts the main window on the Studio origin', () => {
    expect(isTrustedSender(event(7, 'http://127.0.0.1:4780/#/explorer'), trusted)).toBe(true);
  });
  it.each([
    ['another web contents', event(8, 'http://127.0.0.1:4780/')],
    ['another origin in the window', event(7, 'https://evil.example/')],
    ['another port on loopback', event(7, 'http://127.0.0.1:4781/')],
    ['a sub-frame', event(7, 'http://127.0.0.1:4780/', {})],
    ['a malformed URL', event(7, 'not a url')],
    ['no frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s', (_name, e) => {
    expect(isTrustedSender(e, trusted)).toBe(false);
  });
  it('refuses everything before the window exists', () => {
    expect(isTrustedSender(event(7, 'http://127.0.0.1:4780/'), { webContentsId: null, origin: null })).toBe(false);
  });
});
