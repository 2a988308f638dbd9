/**
 * Password guessing is slowed per account and per address: past these many failures within the
 * window, sign-in is refused (429) until the window has passed, whatever the password.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
