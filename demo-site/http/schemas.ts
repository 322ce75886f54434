// Request bodies. Messages say what to fix; length limits keep hashing and storage bounded.
import { z } from 'zod';

const email = z.string({ error: 'enter your email address' }).trim().max(254, 'use at most 254 characters').pipe(z.email({ error: 'enter a valid email address' }));
const password = z.string({ error: 'enter your password' }).min(1, 'enter your password').max(128, 'use at most 128 characters');
const code = z.string({ error: 'enter the code' }).trim().min(1, 'enter the code').max(32, 'enter the code shown by your authenticator');
const ticket = z.string({ error: 'the sign-in ticket is missing' }).min(1, 'the sign-in ticket is missing').max(128, 'the sign-in ticket is not valid');

export const signupSchema = z.object({
  email,
  password: z.string({ error: 'choose a password' }).max(1024, 'use at most 128 characters'),
  displayName: z.string({ error: 'enter a display name' }).trim().min(1, 'enter a display name').max(80, 'use at most 80 characters'),
});
export const signinSchema = z.object({ email, password });
export const totpStepSchema = z.object({ ticket, code });
export const activateSchema = z.object({ code });
export const disableSchema = z.object({ password, code });
