/**
 * Provider factories: the configured RCS and SMS providers (config.ts: RCS_PROVIDER,
 * SMS_PROVIDER). One case per adapter; the sandbox is the local default.
 */
import { config } from '../config';
import { rbmProvider } from './rbm';
import { SandboxProvider } from './sandbox/provider';
import { twilioRcsProvider, twilioSmsProvider } from './twilio';
import type { RcsProvider, SmsProvider } from './types';

export function rcsProvider(env: Env): RcsProvider {
  const name = config(env).rcsProvider;
  switch (name) {
    case 'sandbox':
      return new SandboxProvider(env);
    case 'rbm':
      return rbmProvider(env);
    case 'twilio':
      return twilioRcsProvider(env);
    default:
      throw new Error(`RCS provider "${name}" is not available in this build`);
  }
}

export function smsProvider(env: Env): SmsProvider {
  const name = config(env).smsProvider;
  switch (name) {
    case 'sandbox':
      return new SandboxProvider(env);
    case 'twilio':
      return twilioSmsProvider(env);
    default:
      throw new Error(`SMS provider "${name}" is not available in this build`);
  }
}
