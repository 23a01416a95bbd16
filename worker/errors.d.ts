/**
 * A small HttpError family (after workers-sdk's playground `errors.ts`): throw one anywhere
 * in a request and the app's single `onError` turns it into the one JSON error shape.
 */
import type { Context } from 'hono';
import type * as v from 'valibot';
export declare class HttpError extends Error {
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;
    readonly code: string;
    readonly details?: unknown | undefined;
    constructor(status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503, code: string, message: string, details?: unknown | undefined);
    toResponse(): Response;
}
/** 400 naming every bad field: `details` is `[{path, message}]`, `message` names the first. */
export declare function validationError(issues: readonly v.BaseIssue<unknown>[], where?: string): HttpError;
export declare function onError(err: Error, c: Context): Response;
