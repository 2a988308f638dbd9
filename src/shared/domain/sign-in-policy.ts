/**
 * Password guessing is slowed in three buckets (decision 0016). Each counts failed sign-ins in a
 * window that opens with its first failure; past its limit, sign-in through that bucket is refused
 * (429) until the window closes, whatever the password.
 *
 * - `accountFromAddress`: one account from one client address. The lock a person meets when they
 *   mistype their own password, and the one a guesser meets first. It is per address so that a
 *   stranger failing on purpose locks only themselves out, never the account's owner.
 * - `address`: one client address across all accounts, against one guesser trying many accounts.
 * - `account`: one account from anywhere, much higher and short, against guessing spread over many
 *   addresses. Addresses the account signed in from within `KNOWN_ADDRESS_DAYS` are exempt, so that
 *   even then its owner keeps signing in from home or office.
 */
export interface SignInLimit {
  maxFailures: number;
  windowMinutes: number;
}

export const SIGN_IN_LIMITS = {
  accountFromAddress: { maxFailures: 5, windowMinutes: 15 },
  address: { maxFailures: 30, windowMinutes: 15 },
  account: { maxFailures: 50, windowMinutes: 5 },
} as const satisfies Record<string, SignInLimit>;

export type SignInBucketKind = keyof typeof SIGN_IN_LIMITS;

export const KNOWN_ADDRESS_DAYS = 30;

/**
 * The part of a client address that is counted: an IPv4 address as it is, an IPv6 address by its
 * /64 network, since one subscriber commonly holds a whole /64 and could otherwise change address
 * at every guess.
 */
export function signInAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [address = ''] = ip.split('%');
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) =>
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const network = groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16));
  return `${network.join(':')}::/64`;
}
