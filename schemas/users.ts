/**
 * Console accounts and sessions (`/api/users`, `/api/auth`): the roles, an account as every
 * route returns it, and the limits the Worker enforces and the console's forms show (the
 * same constants on both sides, so a form never promises less than the server asks).
 */
import * as v from 'valibot';

export const ROLES = ['admin', 'agent', 'marketer'] as const;
export const RoleSchema = v.picklist(ROLES, 'must be "admin", "agent" or "marketer"');
export type Role = v.InferOutput<typeof RoleSchema>;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const USER_NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

/** A console account as `GET /api/users` lists it (never the password hash). */
export const ConsoleUserSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  role: RoleSchema,
  /**
   * Removed accounts are disabled, not deleted: they cannot sign in, are not offered as
   * assignees, and stay listed so past replies and notes keep an author's name.
   */
  disabled: v.boolean(),
});
export type ConsoleUser = v.InferOutput<typeof ConsoleUserSchema>;

/** The signed-in user (an active account, so without `disabled`). */
export const SessionUserSchema = v.omit(ConsoleUserSchema, ['disabled']);
export type SessionUser = v.InferOutput<typeof SessionUserSchema>;

/** `POST /api/auth/login` and `GET /api/auth/me`: who is signed in, and the session's CSRF token. */
export const SessionInfoSchema = v.object({ user: SessionUserSchema, csrf: v.string() });
export type SessionInfo = v.InferOutput<typeof SessionInfoSchema>;

const Email = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.email('must be an email address'),
  v.maxLength(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`),
);
export const PasswordSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`),
  v.maxLength(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
);
/** A person's or a key's display name. */
export const DisplayNameSchema = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(USER_NAME_MAX_LENGTH, `must be at most ${USER_NAME_MAX_LENGTH} characters`),
);

/** `POST /api/auth/login`. Any length is accepted here: a wrong password is a 401, not a 400. */
export const LoginSchema = v.strictObject({
  email: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.toLowerCase(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(EMAIL_MAX_LENGTH),
  ),
  password: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(PASSWORD_MAX_LENGTH)),
});

/** `POST /api/users` (admin). */
export const UserCreateSchema = v.strictObject({ email: Email, name: DisplayNameSchema, role: RoleSchema, password: PasswordSchema });
export type UserCreate = v.InferInput<typeof UserCreateSchema>;

/**
 * `PATCH /api/users/{id}` (admin): rename, change the role, set a new password (a reset) or
 * disable / enable. A new password, a new role or disabling ends the user's sessions.
 */
export const UserPatchSchema = v.strictObject({
  name: v.optional(DisplayNameSchema),
  role: v.optional(RoleSchema),
  password: v.optional(PasswordSchema),
  disabled: v.optional(v.boolean('must be true or false')),
});
export type UserPatch = v.InferInput<typeof UserPatchSchema>;
