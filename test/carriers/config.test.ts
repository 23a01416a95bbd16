// Choosing a carrier without its secrets fails with one sentence naming what is missing,
// and a malformed service account is refused without echoing the key.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { config, missingProviderSecrets } from '../../worker/config';
import { parseServiceAccount } from '../../worker/providers/rbm/auth';

const without = (...keys: (keyof Env)[]): Env => {
  const copy: Record<string, unknown> = { ...env };
  for (const k of keys) copy[k] = '';
  return copy as unknown as Env;
};

describe('carrier configuration', () => {
  it('accepts the complete carrier test configuration', () => {
    expect(config(env)).toMatchObject({ rcsProvider: 'rbm', smsProvider: 'twilio', twilioContentApiBase: env.TWILIO_API_BASE });
  });

  it('names every missing RBM secret when RCS_PROVIDER=rbm', () => {
    expect(() => config(without('RBM_SERVICE_ACCOUNT', 'RBM_CLIENT_TOKEN'))).toThrow(
      /needs RBM_CLIENT_TOKEN, RBM_SERVICE_ACCOUNT: set them/,
    );
  });

  it('asks for a Messaging Service when RCS_PROVIDER=twilio, and for a sender when SMS_PROVIDER=twilio', () => {
    expect(missingProviderSecrets(without('TWILIO_MESSAGING_SERVICE_SID'), 'twilio', 'sandbox')).toEqual(['TWILIO_MESSAGING_SERVICE_SID']);
    expect(missingProviderSecrets(without('TWILIO_MESSAGING_SERVICE_SID', 'TWILIO_FROM'), 'sandbox', 'twilio')).toEqual([
      'TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM',
    ]);
    expect(missingProviderSecrets(without('TWILIO_AUTH_TOKEN'), 'sandbox', 'twilio')).toEqual(['TWILIO_AUTH_TOKEN']);
    expect(missingProviderSecrets(without('RBM_AGENT_ID', 'TWILIO_AUTH_TOKEN'), 'sandbox', 'sandbox')).toEqual([]);
  });

  it('uses content.twilio.com for the Content API when TWILIO_API_BASE is Twilio itself', () => {
    expect(config({ ...env, TWILIO_API_BASE: 'https://api.twilio.com' }).twilioContentApiBase).toBe('https://content.twilio.com');
  });

  it('refuses a service account that is not JSON, lacks a key, or holds a PKCS#1 key, without printing the key', () => {
    expect(() => parseServiceAccount('not json')).toThrow(
      'RBM_SERVICE_ACCOUNT must be the service-account JSON key file (it is not valid JSON)',
    );
    expect(() => parseServiceAccount(JSON.stringify({ client_email: 'a@b' }))).toThrow(/^RBM_SERVICE_ACCOUNT: /);
    expect(() => parseServiceAccount(JSON.stringify({ client_email: 'a@b', private_key: 'SECRET-MATERIAL' }))).toThrow(
      /private_key must be a PEM private key/,
    );
    try {
      parseServiceAccount(JSON.stringify({ client_email: 'a@b', private_key: 'SECRET-MATERIAL' }));
    } catch (err) {
      expect(String(err)).not.toContain('SECRET-MATERIAL');
    }
  });
});
