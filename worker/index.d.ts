/**
 * The Worker: one Hono app, one router per resource, one onError, one notFound. Exports the
 * Durable Object classes and the queue handler. Find where a URL is handled here.
 */
import { Hono } from 'hono';
export { Profile } from './profile.do';
export { Inbox } from './inbox.do';
export type AppEnv = {
    Bindings: Env;
};
declare const app: Hono<AppEnv, import("hono/types").BlankSchema, "/">;
declare const _default: {
    fetch: (request: Request, env?: {} | Env | undefined, executionCtx?: import("hono").ExecutionContext) => Response | Promise<Response>;
    queue(_batch: MessageBatch<unknown>, _env: Env): Promise<void>;
};
export default _default;
export { app };
