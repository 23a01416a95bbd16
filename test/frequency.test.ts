// Marketing frequency cap (worker/compliance/frequency.ts): skip within the window.
import { describe, expect, it } from 'vitest';
import { frequencyCapped } from '../worker/compliance/frequency';

const now = new Date('2026-05-01T12:00:00Z');

describe('frequencyCapped', () => {
  it('does not cap a profile that never received marketing', () => {
    expect(frequencyCapped(null, now)).toBe(false);
  });
  it('caps a profile that received marketing 23h59 ago', () => {
    expect(frequencyCapped('2026-04-30T12:01:00Z', now)).toBe(true);
  });
  it('does not cap once exactly 24 hours have passed', () => {
    expect(frequencyCapped('2026-04-30T12:00:00Z', now)).toBe(false);
  });
  it('honours a custom window', () => {
    expect(frequencyCapped('2026-04-30T12:00:00Z', now, 48)).toBe(true);
    expect(frequencyCapped('2026-05-01T06:00:00Z', now, 4)).toBe(false);
  });
  it('does not cap on an unreadable timestamp', () => {
    expect(frequencyCapped('yesterday', now)).toBe(false);
  });
});
