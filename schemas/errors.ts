/** The one error shape of every JSON route (docs/api.md, "Basics"). */
export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}
