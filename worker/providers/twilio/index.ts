/** Builds the Twilio SMS and RCS providers from the environment (docs/architecture.md, "Configuration"). */
import { config } from '../../config';
import type { FetchFn } from '../http';
import { TwilioRcsProvider, TwilioSmsProvider, type TwilioSettings } from './provider';

export function twilioSettings(env: Env): TwilioSettings {
  const c = config(env);
  return {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : {}),
    ...(env.TWILIO_FROM ? { from: env.TWILIO_FROM } : {}),
    apiBase: c.twilioApiBase,
    contentApiBase: c.twilioContentApiBase,
    statusCallback: `${c.publicUrl}/webhooks/twilio`,
  };
}

export function twilioSmsProvider(env: Env, fetchFn?: FetchFn): TwilioSmsProvider {
  return new TwilioSmsProvider(twilioSettings(env), fetchFn);
}

export function twilioRcsProvider(env: Env, fetchFn?: FetchFn): TwilioRcsProvider {
  return new TwilioRcsProvider(twilioSettings(env), env.DB, fetchFn);
}
