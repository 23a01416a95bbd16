/**
 * The example secrets of `.dev.vars.example` are public: anyone who read the README knows
 * them. They are fine on a developer's machine and nowhere else, so a Worker whose public
 * address is not loopback refuses to serve (503 on every route but `/api/health`) while any of
 * them is set, and creates the demo accounts (whose passwords are in the README too) only on
 * loopback or when `DEMO_ACCOUNTS` is "1".
 */
import { createMiddleware } from 'hono/factory';
import { HttpError } from '../errors';

/** The one list of example values; `.dev.vars.example` must use exactly these (a test checks it). */
export const EXAMPLE_SECRETS = {
  API_KEY: 'dev-api-key-change-me',
  SANDBOX_SECRET: 'sandbox-secret-change-me',
  SHOPIFY_WEBHOOK_SECRET: 'shopify-secret-change-me',
  ADMIN_PASSWORD: 'admin-password',
} as const satisfies Partial<Record<keyof Env, string>>;

/** The only route that keeps answering, so a deployment's liveness can still be checked. */
export const ALWAYS_SERVED = '/api/health';

const LOOPBACK_V4 = /^127(\.\d{1,3}){3}$/;

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`: addresses only this machine can reach. */
export function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || LOOPBACK_V4.test(host) || host === '[::1]';
}

/** PUBLIC_URL when set; otherwise the address this request reached. */
export const publicAddress = (env: Pick<Env, 'PUBLIC_URL'>, requestUrl: string): string => env.PUBLIC_URL || requestUrl;

export function exampleSecretsInUse(env: Partial<Pick<Env, keyof typeof EXAMPLE_SECRETS>>): (keyof typeof EXAMPLE_SECRETS)[] {
  return (Object.keys(EXAMPLE_SECRETS) as (keyof typeof EXAMPLE_SECRETS)[]).filter((name) => env[name] === EXAMPLE_SECRETS[name]);
}

/** The sentence explaining why this Worker refuses to serve, or null when it may serve. */
export function exampleSecretRefusal(env: Env, requestUrl: string): string | null {
  const address = publicAddress(env, requestUrl);
  if (isLoopback(address)) return null;
  const names = exampleSecretsInUse(env);
  if (names.length === 0) return null;
  return `Refusing to serve ${address}: ${names.join(', ')} still ${names.length === 1 ? 'has its' : 'have their'} public example value from .dev.vars.example; set real secrets (see README, "Deploy to Cloudflare").`;
}

let logged = false;

/** The refusal once per isolate in the log (`wrangler dev` output, `wrangler tail`), not per request. */
function logRefusalOnce(refusal: string): void {
  if (logged) return;
  logged = true;
  console.error(refusal);
}

/** 503 on every route but `/api/health` while `exampleSecretRefusal` has something to say. */
export function refuseExampleSecrets() {
  return createMiddleware<{ Bindings: Env }>(async (c, next) => {
    const refusal = exampleSecretRefusal(c.env, c.req.url);
    if (refusal) logRefusalOnce(refusal);
    if (!refusal || c.req.path === ALWAYS_SERVED) return next();
    // The details stay in the log: a stranger learns only that this deployment is not serving.
    throw new HttpError(503, 'example_secrets', 'This deployment still uses example secrets and refuses to serve; see its log.');
  });
}

/** Demo accounts (README passwords) only where nobody else can reach them, or when asked for. */
export function demoAccountsAllowed(env: Env, requestUrl?: string): boolean {
  const optIn: string | undefined = env.DEMO_ACCOUNTS;
  if (optIn === '1') return true;
  return isLoopback(publicAddress(env, requestUrl ?? 'invalid:'));
}
