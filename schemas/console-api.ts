/**
 * Request and response shapes of the console's `/api/*` routes (contract: /work/wt/CONSOLE_API.md).
 * The Worker validates with these schemas; the console imports the same types.
 */
import * as v from 'valibot';
import { ContentSchema } from './content';
import { ConversationStatusSchema } from './console';
import { PurposeSchema } from './profile';

export const ROLES = ['admin', 'agent', 'marketer'] as const;
export const RoleSchema = v.picklist(ROLES, 'must be "admin", "agent" or "marketer"');
export type Role = v.InferOutput<typeof RoleSchema>;

/** A console account as every route returns it (never the password hash). */
export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Disabled accounts cannot sign in; they stay listed so past authorship keeps a name. */
  disabled?: boolean;
}

/** `POST /api/auth/login` and `GET /api/auth/me`. */
export interface SessionInfo {
  user: ConsoleUser;
  csrf: string;
}

const Email = v.pipe(v.string('must be a string'), v.trim(), v.toLowerCase(), v.email('must be an email address'), v.maxLength(254));
const Password = v.pipe(
  v.string('must be a string'),
  v.minLength(10, 'must be at least 10 characters'),
  v.maxLength(200, 'must be at most 200 characters'),
);
const Name = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(100, 'must be at most 100 characters'),
);

export const LoginSchema = v.strictObject({
  email: v.pipe(v.string('must be a string'), v.trim(), v.toLowerCase(), v.minLength(1, 'must not be empty'), v.maxLength(254)),
  password: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(200)),
});

export const UserCreateSchema = v.strictObject({ email: Email, name: Name, role: RoleSchema, password: Password });
export const UserPatchSchema = v.strictObject({
  name: v.optional(Name),
  role: v.optional(RoleSchema),
  password: v.optional(Password),
  disabled: v.optional(v.boolean('must be true or false')),
});

const LabelName = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(40, 'must be at most 40 characters'),
);
const Color = v.pipe(v.string('must be a string'), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a73e8'));

/** `GET /api/labels` rows. */
export interface Label {
  name: string;
  color: string;
}
export const LabelCreateSchema = v.strictObject({ name: LabelName, color: v.optional(Color) });

/** Query of `GET /api/conversations` (strings, as they come from the URL). */
export const ConversationListQuerySchema = v.strictObject({
  tab: v.optional(v.picklist(['mine', 'unassigned', 'all'], 'must be "mine", "unassigned" or "all"'), 'all'),
  status: v.optional(ConversationStatusSchema),
  channel: v.optional(v.picklist(['rcs', 'sms'], 'must be "rcs" or "sms"')),
  label: v.optional(LabelName),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'must be at most 100 characters'))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(100, 'must be at most 100'),
    ),
  ),
});
export type ConversationListQuery = v.InferOutput<typeof ConversationListQuerySchema>;

export const MessagePageQuerySchema = v.strictObject({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(200, 'must be at most 200'),
    ),
  ),
});

/** `PATCH /api/conversations/:phone`. `snooze` sets the status to `snoozed`. */
export const ConversationPatchSchema = v.pipe(
  v.strictObject({
    status: v.optional(ConversationStatusSchema),
    assignee: v.optional(v.nullable(v.pipe(v.string('must be a user id or null'), v.minLength(1), v.maxLength(64)))),
    labels: v.optional(v.pipe(v.array(LabelName, 'must be a list of label names'), v.maxLength(20, 'must hold at most 20 labels'))),
    snooze: v.optional(
      v.union(
        [
          v.strictObject({ until: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp')) }),
          v.strictObject({ until_reply: v.literal(true) }),
        ],
        'must be {until: ISO timestamp} or {until_reply: true}',
      ),
    ),
  }),
  v.check((p) => !(p.snooze && p.status && p.status !== 'snoozed'), 'snooze cannot be combined with a status other than "snoozed"'),
);
export type ConversationPatch = v.InferOutput<typeof ConversationPatchSchema>;

export const ReplySchema = v.strictObject({
  content: ContentSchema,
  fallback_text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1600, 'must be at most 1600 characters'))),
});
export const NoteSchema = v.strictObject({
  text: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(5000, 'must be at most 5000 characters'),
  ),
});
export const AgentConsentSchema = v.strictObject({
  purpose: PurposeSchema,
  status: v.picklist(['subscribed', 'unsubscribed'], 'must be "subscribed" or "unsubscribed"'),
  reason: v.pipe(v.string('must say why'), v.trim(), v.minLength(1, 'must say why'), v.maxLength(500)),
});

/** `POST /api/conversations/{phone}/opt-out`: the customer's message that asked to stop. */
export const RecordOptOutSchema = v.strictObject({
  message_id: v.pipe(v.string('must be the id of the customer’s message'), v.minLength(1, 'must not be empty'), v.maxLength(100)),
});

/** A tracked event (order, product view) as the profile panel shows it, newest first. */
export interface ProfileEventView {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  value: number | null;
  time: string;
}

/** `GET /api/canned-responses` rows; inserted in the composer with `/shortcut`. */
export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  text: string;
}
export const CannedResponseCreateSchema = v.strictObject({
  shortcut: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9_-]{1,32}$/, 'must be 1 to 32 letters, digits, - or _')),
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100)),
  text: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(3072, 'must be at most 3072 characters')),
});

/**
 * Brand settings as the console edits them (`GET/PUT /api/settings`). Stored in the D1
 * `settings` key/value table the send pipeline reads (keys brand_name, opt_out_mention,
 * help_text, logo_url, brand_color).
 */
export interface ConsoleSettings {
  brand_name: string;
  /** Appended to marketing SMS fallbacks that lack one (compliance.md). */
  opt_out_mention: string;
  /** The answer to HELP/INFO/AIDE. */
  help_text: string;
  /** An https URL or a path served by the console (e.g. /logo.svg). */
  logo_url: string;
  color: string;
}
/** Earlier name of `ConsoleSettings` (the console's settings page imports it). */
export type BrandSettings = ConsoleSettings;
export const SettingsSchema = v.strictObject({
  brand_name: v.optional(Name),
  opt_out_mention: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(60))),
  help_text: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(320))),
  logo_url: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(2000),
      v.check(
        (u) => /^\/[^/\\]/.test(u) || (URL.canParse(u) && u.startsWith('https://')),
        'must be an https URL or a path such as /logo.svg',
      ),
    ),
  ),
  color: v.optional(Color),
});

export const ApiKeyCreateSchema = v.strictObject({ name: Name });
