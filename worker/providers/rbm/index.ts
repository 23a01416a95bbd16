/** Builds the RBM provider from the environment (docs/architecture.md, "Configuration"). */
import { config } from '../../config';
import type { FetchFn } from '../http';
import { parseServiceAccount } from './auth';
import { RbmProvider } from './provider';

export function rbmProvider(env: Env, fetchFn?: FetchFn): RbmProvider {
  const c = config(env);
  return new RbmProvider(
    {
      agentId: env.RBM_AGENT_ID,
      apiBase: c.rbmApiBase,
      tokenUrl: c.googleTokenUrl,
      serviceAccount: parseServiceAccount(env.RBM_SERVICE_ACCOUNT),
    },
    fetchFn,
  );
}
