/** Masks personal data for people who may know that an applicant exists but not who it is. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part, i) => (i === 0 ? part[0] + '***' : part[0] + '.'))
    .join(' ');
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 2 ? `*** ***-**-${digits.slice(-2)}` : '***';
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [user, domain] = email.split('@');
  return `${user?.[0] ?? ''}***@${domain ?? '***'}`;
}
