import { describe, expect, it } from 'vitest';
import { knownDevicesIn, rememberDevice } from './known-device';

describe('known devices', () => {
  it('remembers an account in a browser, keeping its entry (and so its counter) when it signs in again', () => {
    const first = rememberDevice(undefined, 7);
    const [device] = knownDevicesIn(first);
    expect(device.userId).toBe(7);
    expect(knownDevicesIn(rememberDevice(first, 7))).toEqual([device]);
  });

  it('holds a few accounts of a shared computer, dropping the oldest', () => {
    let value: string | undefined;
    for (const userId of [1, 2, 3, 4, 5, 6]) value = rememberDevice(value, userId);
    expect(knownDevicesIn(value).map((device) => device.userId)).toEqual([2, 3, 4, 5, 6]);
  });

  it('cannot be forged: an entry whose account, nonce or mac was changed is ignored', () => {
    const genuine = rememberDevice(undefined, 7);
    const [, nonce, mac] = genuine.split('.');
    expect(knownDevicesIn(`8.${nonce}.${mac}`)).toEqual([]);
    expect(knownDevicesIn(`7.${'A'.repeat(22)}.${mac}`)).toEqual([]);
    expect(knownDevicesIn(`7.${nonce}.${'0'.repeat(64)}`)).toEqual([]);
    expect(knownDevicesIn(`${genuine}~junk~7..`)).toHaveLength(1);
    expect(knownDevicesIn('x'.repeat(5_000))).toEqual([]);
  });
});
