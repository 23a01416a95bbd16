/**
 * Opaque keyset-pagination cursors: a JSON array of the sort key's values, base64url. Every
 * paged list (Profile history, Inbox list) encodes its position the same way; each decoder
 * checks the shape it expects and treats anything else as an invalid cursor.
 */
import { base64UrlToBytes, bytesToBase64Url, utf8 } from './encoding';

export type CursorValue = string | number;

export function encodeCursor(values: readonly CursorValue[]): string {
  return bytesToBase64Url(utf8(JSON.stringify(values)));
}

/** The cursor's values, or null when it is not one of ours (wrong encoding or JSON). */
export function decodeCursor(cursor: string): CursorValue[] | null {
  const bytes = base64UrlToBytes(cursor);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
    if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) return null;
    return value as CursorValue[];
  } catch {
    return null;
  }
}
