/**
 * Asks `POST /api/preview` for a message as one customer gets it, at most once per pause in
 * typing (debounced), and keeps only the answer to the latest question.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { LintPurpose } from '../../../schemas/lint';
import type { PreviewResponse } from '../../../schemas/preview';
import { api, ApiError } from '../../lib/api';

export interface FieldIssue {
  path: string;
  message: string;
}

export type PreviewState =
  | { status: 'idle' | 'loading'; data: PreviewResponse | null; issues: FieldIssue[] }
  | { status: 'ok'; data: PreviewResponse; issues: [] }
  /** The template (or the message) is wrong: `issues` names each field. */
  | { status: 'invalid'; data: null; issues: FieldIssue[] }
  | { status: 'not_found' | 'error'; data: null; issues: FieldIssue[]; message: string };

export interface PreviewRequest {
  content: unknown;
  fallbackText?: string | null;
  purpose: LintPurpose;
  phone?: string | null;
}

const DEBOUNCE_MS = 300;

const asIssues = (details: unknown): FieldIssue[] =>
  Array.isArray(details)
    ? details.filter(
        (d): d is FieldIssue => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
      )
    : [];

export function usePreview(req: PreviewRequest, onChange?: (s: PreviewState) => void): PreviewState {
  const state = useSignal<PreviewState>({ status: 'idle', data: null, issues: [] });
  const latest = useRef(0);
  const notify = useRef(onChange);
  notify.current = onChange;
  const key = JSON.stringify([req.content, req.fallbackText ?? null, req.purpose, req.phone ?? null]);

  useEffect(() => {
    const ask = ++latest.current;
    const set = (s: PreviewState) => {
      if (ask !== latest.current) return;
      state.value = s;
      notify.current?.(s);
    };
    if (!req.content) {
      set({ status: 'idle', data: null, issues: [] });
      return;
    }
    // Keep showing the last answer while the next one is on its way; the host hears of it, so
    // nothing is attached on an answer about words that have since changed.
    set({ status: 'loading', data: state.value.data, issues: state.value.issues });
    const timer = setTimeout(() => {
      const body = {
        content: req.content,
        purpose: req.purpose,
        ...(req.fallbackText ? { fallback_text: req.fallbackText } : {}),
        ...(req.phone ? { phone: req.phone } : {}),
      };
      api<PreviewResponse>('POST', '/api/preview', body).then(
        (data) => set({ status: 'ok', data, issues: [] }),
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 400) set({ status: 'invalid', data: null, issues: asIssues(e.details) });
          else if (e instanceof ApiError && e.status === 404)
            set({ status: 'not_found', data: null, issues: asIssues(e.details), message: e.message });
          else set({ status: 'error', data: null, issues: [], message: e instanceof Error ? e.message : String(e) });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return state.value;
}

/**
 * Whether a host may attach or save the message it asked about: once the server has answered
 * without a template error. A server that failed, or a picked customer without a profile, does
 * not hold the message back (the send checks the templates again).
 */
export const previewAllows = (state: PreviewState | null): boolean =>
  state !== null && (state.status === 'ok' || state.status === 'error' || state.status === 'not_found');
