/**
 * The brand's media library (files marketers and agents upload for cards and carousels): the
 * types and limits the Worker enforces and the console checks before it uploads. The bytes
 * decide the type (worker/media-library.ts sniffs them); these numbers decide the size.
 */
import * as v from 'valibot';

/** What may be uploaded (RBM plays these in cards), and the extension it is served under. */
export const LIBRARY_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
} as const;
export type LibraryType = keyof typeof LIBRARY_TYPES;
export const LIBRARY_EXTENSIONS = Object.values(LIBRARY_TYPES);

export const isLibraryType = (type: string): type is LibraryType => Object.hasOwn(LIBRARY_TYPES, type);

const KB = 1024;
const MB = 1024 * KB;

/**
 * Sizes. RBM takes files up to 100 MB, but a card image is downloaded on the customer's mobile
 * data before the card shows: 5 MB is already a slow card, and it is also Twilio's ceiling for
 * a whole MMS. Video gets 10 MB (about 30 s of 720p), the Worker holds an upload in memory.
 */
export const MEDIA_LIMITS = {
  imageBytes: 5 * MB,
  videoBytes: 10 * MB,
  /** Many US carriers shrink or drop MMS images above this (Twilio's advice for images). */
  mmsImageBytes: 600 * KB,
} as const;

/** The byte limit for one type. */
export const maxBytesFor = (type: LibraryType) => (type === 'video/mp4' ? MEDIA_LIMITS.videoBytes : MEDIA_LIMITS.imageBytes);

/** Advice on an upload that is valid but will not travel everywhere. */
export type MediaWarning = 'mms_too_large';

/** One file of the library, as `GET /api/media/library` lists it. */
export const MediaItemSchema = v.object({
  id: v.string(),
  /** The public, immutable address carriers fetch: `{PUBLIC_URL}/media/<id>.<ext>`. */
  url: v.string(),
  content_type: v.picklist(Object.keys(LIBRARY_TYPES) as LibraryType[]),
  bytes: v.number(),
  /** Pixels, read from the file's header (null for video). */
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  name: v.string(),
  created_by: v.string(),
  created_at: v.string(),
  warnings: v.array(v.picklist(['mms_too_large'])),
});
export type MediaItem = v.InferOutput<typeof MediaItemSchema>;

export interface MediaPage {
  items: MediaItem[];
  next_cursor: string | null;
}

/** Warnings for a file of `bytes` and `type`. */
export function mediaWarnings(type: string, bytes: number): MediaWarning[] {
  return type.startsWith('image/') && bytes > MEDIA_LIMITS.mmsImageBytes ? ['mms_too_large'] : [];
}

/** Query of the list: an opaque cursor and a page size. */
export const MediaListQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, 'must be at most 200 characters'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be a number from 1 to 100'),
      v.transform(Number),
      v.minValue(1, 'must be a number from 1 to 100'),
      v.maxValue(100, 'must be a number from 1 to 100'),
    ),
  ),
});

/** `?name=` of a raw upload: shown in the library only. */
export const MediaNameSchema = v.pipe(v.string(), v.trim(), v.maxLength(200, 'must be at most 200 characters'));
