/** Reads the contract's vars and secrets (architecture.md) with their documented defaults. */
export interface Config {
  rcsProvider: 'sandbox' | 'rbm' | 'twilio';
  smsProvider: 'sandbox' | 'twilio';
  publicUrl: string;
  fallbackSeconds: number;
  rbmApiBase: string;
  googleTokenUrl: string;
  twilioApiBase: string;
}

export function config(env: Env): Config {
  const rcs = env.RCS_PROVIDER || 'sandbox';
  const sms = env.SMS_PROVIDER || 'sandbox';
  if (rcs !== 'sandbox' && rcs !== 'rbm' && rcs !== 'twilio') throw new Error(`RCS_PROVIDER must be sandbox, rbm or twilio, not "${rcs}"`);
  if (sms !== 'sandbox' && sms !== 'twilio') throw new Error(`SMS_PROVIDER must be sandbox or twilio, not "${sms}"`);
  const seconds = Number(env.RCS_FALLBACK_SECONDS || '300');
  return {
    rcsProvider: rcs,
    smsProvider: sms,
    publicUrl: (env.PUBLIC_URL || 'http://localhost:8787').replace(/\/+$/, ''),
    fallbackSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 300,
    rbmApiBase: (env.RBM_API_BASE || 'https://rcsbusinessmessaging.googleapis.com').replace(/\/+$/, ''),
    googleTokenUrl: env.GOOGLE_TOKEN_URL || 'https://oauth2.googleapis.com/token',
    twilioApiBase: (env.TWILIO_API_BASE || 'https://api.twilio.com').replace(/\/+$/, ''),
  };
}
