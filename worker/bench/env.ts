/**
 * The bench environment's bindings: the production ones, with the bench classes behind the
 * Profile and Inbox namespaces, and the yardstick object. An intersection, so it is still an
 * `Env` for the production Worker it wraps.
 */
import type { BenchBaseline } from './baseline.do';
import type { BenchInbox, BenchProfile } from './objects';

export type BenchEnv = {
  PROFILE: DurableObjectNamespace<BenchProfile>;
  INBOX: DurableObjectNamespace<BenchInbox>;
  BENCH_BASELINE: DurableObjectNamespace<BenchBaseline>;
} & Env;
