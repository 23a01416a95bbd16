/**
 * The Hono environment of the Worker's app: bindings only. A leaf module so routers and
 * providers can name it without importing the app (worker/index.ts imports them).
 */
export type AppEnv = { Bindings: Env };
