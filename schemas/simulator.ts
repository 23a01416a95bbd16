/**
 * The phone simulator's list of phones (`GET /api/simulator/phones`) and their modes. Kept apart
 * from sandbox.ts (the callback format, with the phone-number and content rules) so the
 * console's simulator page can check these answers without bundling those.
 */
import * as v from 'valibot';

/** How the sandbox treats a phone: RCS-capable, SMS-only, or RCS-capable but unreachable. */
export const SANDBOX_MODES = ['rcs', 'sms', 'rcs_offline'] as const;
export const SandboxModeSchema = v.picklist(SANDBOX_MODES, 'must be "rcs", "sms" or "rcs_offline"');
export type SandboxMode = v.InferOutput<typeof SandboxModeSchema>;

export const SimulatedPhoneSchema = v.object({
  phone: v.string(),
  name: v.nullable(v.string()),
  mode: SandboxModeSchema,
  /** Whether `mode` comes from the default rule (last digit even = RCS) rather than a choice. */
  default_mode: v.boolean(),
  last_activity_at: v.nullable(v.string()),
});
export type SimulatedPhone = v.InferOutput<typeof SimulatedPhoneSchema>;

export const SimulatedPhoneListSchema = v.object({ phones: v.array(SimulatedPhoneSchema) });
export type SimulatedPhoneList = v.InferOutput<typeof SimulatedPhoneListSchema>;
