/** The one error shape of every JSON route (architecture.md "Errors"). */
export interface ErrorBody {
    error: string;
    message: string;
    details?: unknown;
}
