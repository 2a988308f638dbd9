import { hash, verify } from '@node-rs/argon2';

/** OWASP's setting: 19 MiB, 2 passes, 1 lane; the library's default algorithm is argon2id. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password, OPTIONS);

/** Checked against when the e-mail is unknown, so that timing does not tell which accounts exist. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hashPassword('decoy-password-never-used'));
