/**
 * A submitter's name and contact as staff see them until they ask to read them (an audited read,
 * decision 0018): enough to tell that a phone or an e-mail address is there and to recognise it
 * when the sender calls, not enough to reach or identify the sender.
 */
const MASK = '•';

/** The initials: "Nguyễn Văn An" → "N. V. A.". */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  return words.map((word) => `${[...word][0] ?? ''}.`).join(' ');
}

/** The last three digits: "+84912345678" → "•••••••••678". */
export function maskPhone(phone: string): string {
  const visible = 3;
  return phone.length <= visible
    ? MASK.repeat(phone.length)
    : MASK.repeat(phone.length - visible) + phone.slice(-visible);
}

/** The first character and the domain: "lan@example.vn" → "l•••@example.vn". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return MASK.repeat(3);
  return `${[...email][0]}${MASK.repeat(3)}${email.slice(at)}`;
}

export function maskContact(contact: { submitterName: string; phone: string | null; email: string | null }) {
  return {
    submitterName: maskName(contact.submitterName),
    phone: contact.phone === null ? null : maskPhone(contact.phone),
    email: contact.email === null ? null : maskEmail(contact.email),
  };
}
