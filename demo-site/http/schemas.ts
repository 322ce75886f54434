// Request bodies. Messages say what to fix; length limits keep hashing and storage bounded.
import { z } from 'zod';
import { PIN_DIGITS } from '#shared/protocol/qr-signin.ts';
import { MAX_PASSWORD_LENGTH } from '../accounts/password-policy';

const email = z.string({ error: 'enter your email address' }).trim().max(254, 'use at most 254 characters').pipe(z.email({ error: 'enter a valid email address' }));
const password = z.string({ error: 'enter your password' }).min(1, 'enter your password').max(MAX_PASSWORD_LENGTH, `use at most ${MAX_PASSWORD_LENGTH} characters`);
const code = z.string({ error: 'enter the code' }).trim().min(1, 'enter the code').max(32, 'enter the code shown by your authenticator');
/** `"tokens": true` on a request that completes a sign-in: answer with tokens instead of setting a session cookie. */
const tokens = z.boolean({ error: 'tokens must be true or false' }).optional();
const refreshToken = z.string({ error: 'give the refreshToken the site gave' }).min(1, 'give the refreshToken the site gave').max(128, 'the refreshToken is not valid');
const ticket = z.string({ error: 'the sign-in ticket is missing' }).min(1, 'the sign-in ticket is missing').max(128, 'the sign-in ticket is not valid');

export const signupSchema = z.object({
  email,
  // Its length is the password policy's to judge (accounts/password-policy.ts), with its own code and message.
  password: z.string({ error: 'choose a password' }),
  displayName: z.string({ error: 'enter a display name' }).trim().min(1, 'enter a display name').max(80, 'use at most 80 characters'),
  tokens,
});
export const signinSchema = z.object({ email, password, tokens });
export const emailOnlySchema = z.object({ email });
export const linkTokenSchema = z.object({ token: z.string({ error: 'the link is incomplete: copy the whole link from the email' }).min(1, 'the link is incomplete: copy the whole link from the email').max(128, 'the link is not valid') });
export const emailChangeSchema = z.object({ password, newEmail: email });
// New passwords' lengths are the password policy's to judge (accounts/password-policy.ts).
const newPassword = z.string({ error: 'choose a new password' });
export const passwordChangeSchema = z.object({ currentPassword: password, newPassword, confirmPassword: z.string().optional() });
export const passwordResetSchema = z.object({ token: linkTokenSchema.shape.token, newPassword, confirmPassword: z.string().optional() });
export const totpStepSchema = z.object({ ticket, code, tokens });
export const ticketSchema = z.object({ ticket });
export const refreshSchema = z.object({ refreshToken });
export const signoutSchema = z.object({ refreshToken: refreshToken.optional() });
export const activateSchema = z.object({ code });
export const disableSchema = z
  .object({ password, code: code.optional(), backupCode: code.optional() })
  .refine((body) => body.code !== undefined || body.backupCode !== undefined, { path: ['code'], message: 'enter a code from your authenticator, or a backup code' });
export const backupStepSchema = z.object({ ticket, code, tokens });
const message = z.string({ error: 'write a message for the administrator' }).trim().max(500, 'use at most 500 characters');
export const backupRequestSchema = z.object({ ticket: ticket.optional(), message: message.default('') });
/** Being shown a user's codes is a choice made on purpose. */
export const handOverSchema = z.object({
  confirm: z.union([z.literal(true), z.literal('on'), z.literal('true')], { error: 'confirm: tick "Show me the codes to hand over" (this is audited)' }),
});
export const denySchema = z.object({ reason: z.string({ error: 'give a reason' }).trim().max(500, 'use at most 500 characters').default('') });
export const requestStatusSchema = z.object({ status: z.enum(['open', 'issued', 'denied'], { error: 'status must be open, issued or denied' }).default('open') });
export const auditQuerySchema = z.object({
  userId: z.string().max(64).optional(),
  type: z.string().max(64).optional(),
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a number' }).int().min(1).max(200, 'pageSize is at most 200').default(50),
});

export const userListSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'use at most 254 characters').optional(),
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a number' }).int().min(1).max(200, 'pageSize is at most 200').default(50),
});

const qrToken = z.string({ error: 'the QR token is missing' }).min(1, 'the QR token is missing').max(128, 'the QR token is not valid');
/** Shown to people ("Chrome on Linux"): printable characters only. */
const device = z
  .string({ error: 'name the device (e.g. "Chrome on Linux")' })
  .trim()
  .min(1, 'name the device (e.g. "Chrome on Linux")')
  .max(80, 'use at most 80 characters')
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'use printable characters only');
export const qrScanSchema = z.object({ qrToken, email: z.string().trim().max(254, 'use at most 254 characters').optional(), code: code.optional(), device });
export const qrTokenSchema = z.object({ qrToken });
export const pinVerifySchema = z.object({
  qrToken,
  pin: z.string({ error: 'enter the PIN' }).trim().regex(new RegExp(`^\\d{${PIN_DIGITS}}$`), `enter the ${PIN_DIGITS} digits Tessera shows`),
  tokens,
});

export const pageSchema = z.object({
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a number' }).int().min(1).max(200, 'pageSize is at most 200').default(50),
});
