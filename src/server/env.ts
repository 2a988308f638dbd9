import path from 'node:path';
import { z } from 'zod';
import type { SubmissionLimits } from '../shared/domain/feedback.ts';

/** Configuration from the environment, checked once at start so a typo fails loudly. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when the app is served over HTTPS, so that cookies are marked Secure. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Public feedback submissions accepted per hour from one client address, and for one contact. */
  FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  FEEDBACK_SUBMISSIONS_PER_CONTACT_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Fixes the demo accounts' password (tests, demos); random and printed otherwise. */
  STEERBOARD_DEMO_PASSWORD: z.string().min(12).optional(),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  sessionTtlHours: number;
  demoPassword: string | undefined;
  webDir: string;
  feedbackLimits: SubmissionLimits;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.DATA_DIR),
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    cookieSecure: values.COOKIE_SECURE === 'true',
    sessionTtlHours: values.SESSION_TTL_HOURS,
    demoPassword: values.STEERBOARD_DEMO_PASSWORD,
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
    feedbackLimits: {
      perAddressPerHour: values.FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR,
      perContactPerHour: values.FEEDBACK_SUBMISSIONS_PER_CONTACT_PER_HOUR,
    },
  };
}
