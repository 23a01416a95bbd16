// The shared helpers in worker/lib: one encoding, one constant-time compare, one cursor format.
import { describe, expect, it } from 'vitest';
import { hmac, secretsEqual, sha256Hex, timingSafeEqual } from '../worker/lib/crypto';
import { decodeCursor, encodeCursor } from '../worker/lib/cursor';
import { base64UrlToBytes, bytesToBase64, bytesToBase64Url, bytesToHex, hexToBytes, tryBase64ToBytes, utf8 } from '../worker/lib/encoding';

describe('encodings', () => {
  it('round-trips every byte value through base64, base64url and hex', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(tryBase64ToBytes(bytesToBase64(all))).toEqual(all);
    expect(base64UrlToBytes(bytesToBase64Url(all))).toEqual(all);
    expect(hexToBytes(bytesToHex(all))).toEqual(all);
    expect(bytesToBase64Url(all)).not.toMatch(/[+/=]/);
  });

  it('answers null, never throws, for text that is not in the encoding', () => {
    expect(tryBase64ToBytes('not base64!')).toBeNull();
    expect(base64UrlToBytes('a+b/')).toBeNull();
    expect(hexToBytes('abc')).toBeNull();
    expect(hexToBytes('zz')).toBeNull();
  });
});

describe('crypto', () => {
  it('computes SHA-256 and HMAC as the standards do', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231 test case 2.
    expect(bytesToHex(await hmac('SHA-256', 'Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('compares in constant time, unequal lengths included', async () => {
    expect(timingSafeEqual(utf8('same'), utf8('same'))).toBe(true);
    expect(timingSafeEqual(utf8('same'), utf8('sane'))).toBe(false);
    expect(timingSafeEqual(utf8('short'), utf8('longer'))).toBe(false);
    expect(await secretsEqual('a secret', 'a secret')).toBe(true);
    expect(await secretsEqual('a secret', 'a secret ')).toBe(false);
  });
});

describe('cursors', () => {
  it('round-trip their values and refuse anything they did not make', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', '+33612345678']))).toEqual(['2026-01-01T00:00:00.000Z', '+33612345678']);
    expect(decodeCursor(encodeCursor([42]))).toEqual([42]);
    expect(decodeCursor('%%%')).toBeNull();
    expect(decodeCursor(bytesToBase64Url(utf8('{"a":1}')))).toBeNull();
    expect(decodeCursor(bytesToBase64Url(utf8('[null]')))).toBeNull();
  });
});
