import { isIP } from 'node:net';
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
  /** The address people reach the app at; an https:// one means it is served over HTTPS. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Served over HTTPS: the session cookie is marked Secure and Strict-Transport-Security is sent.
   * Unset, it follows PUBLIC_URL.
   */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** Which proxies' X-Forwarded-For to believe: see `parseTrustProxy`. */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('127.0.0.1')
    .transform((value, context) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Public feedback submissions accepted per hour from one client address, and for one contact. */
  FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  FEEDBACK_SUBMISSIONS_PER_CONTACT_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /**
   * Open311 submissions must give a phone or an e-mail address, as the public form must. Off by
   * default: the spec makes them optional and its clients may send neither (decision 0027).
   */
  OPEN311_REQUIRE_CONTACT: z.enum(['true', 'false']).default('false'),
  /** Fixes the demo accounts' password (tests, demos); random and printed otherwise. */
  STEERBOARD_DEMO_PASSWORD: z.string().min(12).optional(),
});

/** Names proxy-addr (Fastify's trustProxy) knows for ranges of addresses. */
const ADDRESS_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (ADDRESS_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY, as Fastify's trustProxy takes it: `false` (the connection's address is the
 * client's), `true` (the left-most X-Forwarded-For address, whoever sent it: only when nothing but
 * the proxy can reach the app), a number of proxy hops in front of the app, or a comma list of the
 * proxies' addresses and CIDR ranges (and proxy-addr's names loopback, linklocal, uniquelocal)
 * whose X-Forwarded-For is believed. The default, 127.0.0.1, is a proxy on the same host.
 */
export function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) {
    throw new Error(`not true, false, a hop count or addresses and CIDR ranges: ${wrong.join(', ')}`);
  }
  return entries;
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  publicUrl: string | undefined;
  /** Served over HTTPS (decision 0016): the cookie is Secure and HSTS is sent, never otherwise. */
  cookieSecure: boolean;
  trustProxy: boolean | number | string[];
  sessionTtlHours: number;
  demoPassword: string | undefined;
  webDir: string;
  feedbackLimits: SubmissionLimits;
  open311RequiresContact: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const httpsUrl = values.PUBLIC_URL?.startsWith('https:') ?? false;
  if (values.COOKIE_SECURE === 'true' && values.PUBLIC_URL && !httpsUrl) {
    // Browsers drop a Secure cookie over plain HTTP: nobody could stay signed in.
    throw new Error('Invalid configuration:\n  COOKIE_SECURE: true, but PUBLIC_URL is not https://');
  }
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.DATA_DIR),
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    publicUrl: values.PUBLIC_URL,
    cookieSecure: values.COOKIE_SECURE === undefined ? httpsUrl : values.COOKIE_SECURE === 'true',
    trustProxy: values.TRUST_PROXY,
    sessionTtlHours: values.SESSION_TTL_HOURS,
    demoPassword: values.STEERBOARD_DEMO_PASSWORD,
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
    feedbackLimits: {
      perAddressPerHour: values.FEEDBACK_SUBMISSIONS_PER_ADDRESS_PER_HOUR,
      perContactPerHour: values.FEEDBACK_SUBMISSIONS_PER_CONTACT_PER_HOUR,
    },
    open311RequiresContact: values.OPEN311_REQUIRE_CONTACT === 'true',
  };
}
