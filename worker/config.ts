/** Reads the contract's vars and secrets (docs/architecture.md, "Configuration") with their documented defaults. */
export interface Config {
  rcsProvider: 'sandbox' | 'rbm' | 'twilio';
  smsProvider: 'sandbox' | 'twilio';
  publicUrl: string;
  fallbackSeconds: number;
  rbmApiBase: string;
  googleTokenUrl: string;
  twilioApiBase: string;
  /** Twilio Content API: content.twilio.com, or TWILIO_API_BASE when that points elsewhere (a fake). */
  twilioContentApiBase: string;
}

/**
 * Secrets a chosen provider cannot work without. Checked with the rest of the config so a
 * deployment that picks `rbm` or `twilio` without them fails with one clear sentence.
 */
export function missingProviderSecrets(env: Env, rcs: Config['rcsProvider'], sms: Config['smsProvider']): string[] {
  const need = new Set<string>();
  if (rcs === 'rbm') for (const k of ['RBM_AGENT_ID', 'RBM_CLIENT_TOKEN', 'RBM_SERVICE_ACCOUNT'] as const) if (!env[k]) need.add(k);
  if (rcs === 'twilio' || sms === 'twilio') for (const k of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const) if (!env[k]) need.add(k);
  // RCS through Twilio only works from a Messaging Service with an RCS sender.
  if (rcs === 'twilio' && !env.TWILIO_MESSAGING_SERVICE_SID) need.add('TWILIO_MESSAGING_SERVICE_SID');
  if (sms === 'twilio' && !env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_FROM) need.add('TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM');
  return [...need];
}

export function config(env: Env): Config {
  const rcs = env.RCS_PROVIDER || 'sandbox';
  const sms = env.SMS_PROVIDER || 'sandbox';
  if (rcs !== 'sandbox' && rcs !== 'rbm' && rcs !== 'twilio') throw new Error(`RCS_PROVIDER must be sandbox, rbm or twilio, not "${rcs}"`);
  if (sms !== 'sandbox' && sms !== 'twilio') throw new Error(`SMS_PROVIDER must be sandbox or twilio, not "${sms}"`);
  const missing = missingProviderSecrets(env, rcs, sms);
  if (missing.length) {
    throw new Error(
      `RCS_PROVIDER=${rcs}, SMS_PROVIDER=${sms} needs ${missing.join(', ')}: set them in .dev.vars locally or with \`wrangler secret put\` (see README, "Connect real carriers")`,
    );
  }
  const seconds = Number(env.RCS_FALLBACK_SECONDS || '300');
  const twilioApiBase = (env.TWILIO_API_BASE || 'https://api.twilio.com').replace(/\/+$/, '');
  return {
    rcsProvider: rcs,
    smsProvider: sms,
    publicUrl: (env.PUBLIC_URL || 'http://localhost:8787').replace(/\/+$/, ''),
    fallbackSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 300,
    rbmApiBase: (env.RBM_API_BASE || 'https://rcsbusinessmessaging.googleapis.com').replace(/\/+$/, ''),
    googleTokenUrl: env.GOOGLE_TOKEN_URL || 'https://oauth2.googleapis.com/token',
    twilioApiBase,
    twilioContentApiBase: new URL(twilioApiBase).hostname === 'api.twilio.com' ? 'https://content.twilio.com' : twilioApiBase,
  };
}
