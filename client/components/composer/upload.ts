/**
 * Uploads to the media library with progress (fetch cannot report it, XMLHttpRequest can), and
 * the checks the Worker will make, done first so a wrong file is named before it travels. The
 * Worker still decides from the bytes; its refusal is shown in the user's language.
 */
import { isLibraryType, type MediaItem, maxBytesFor } from '../../../schemas/media';
import { csrf, onUnauthorized } from '../../lib/auth-state';
import { t } from '../../lib/i18n';

export const ACCEPT = 'image/jpeg,image/png,image/gif,video/mp4';

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Why this file cannot be uploaded, in words, or null when it may be. */
export function precheck(file: File): string | null {
  if (!isLibraryType(file.type)) return t('media.errType', { name: file.name });
  if (file.size > maxBytesFor(file.type)) return t('media.errSize', { name: file.name, max: mb(maxBytesFor(file.type)) });
  return null;
}

/** Sends one file; `onProgress` gets 0..1. Rejects with a message for the user. */
export function uploadFile(file: File, onProgress: (share: number) => void): Promise<MediaItem> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/media/library?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    if (csrf.value) xhr.setRequestHeader('x-csrf-token', csrf.value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error(t('media.errNetwork')));
    xhr.onload = () => {
      const body = xhr.response as (MediaItem & { error?: string; message?: string }) | null;
      if (xhr.status === 200 || xhr.status === 201) return resolve(body as MediaItem);
      if (xhr.status === 401) onUnauthorized();
      if (xhr.status === 415) return reject(new Error(t('media.errType', { name: file.name })));
      if (xhr.status === 413)
        return reject(
          new Error(t('media.errSize', { name: file.name, max: mb(maxBytesFor(isLibraryType(file.type) ? file.type : 'image/png')) })),
        );
      reject(new Error(body?.message ?? t('common.error')));
    };
    xhr.send(file);
  });
}
