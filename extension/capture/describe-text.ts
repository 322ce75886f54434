// A message for a QR code that holds no authenticator code. It names the kind of content (and for a web link,
// where it goes) but never repeats the rest: Wi-Fi passwords, contact cards and free text stay out of messages.
const MAX_LINK_CHARS = 80;
const SUFFIX = ': not an authenticator code.';

const KINDS: [RegExp, string][] = [
  [/^WIFI:/i, 'Wi-Fi network settings'],
  [/^(BEGIN:VCARD|MECARD:)/i, 'a contact card'],
  [/^BEGIN:VEVENT/i, 'a calendar event'],
  [/^mailto:/i, 'an e-mail address'],
  [/^(tel|sms|smsto):/i, 'a phone number'],
  [/^geo:/i, 'a map location'],
  [/^(bitcoin|ethereum|lightning):/i, 'a payment request'],
];

export function describeOtherText(text: string): string {
  if (text.length === 0) return 'This QR code is empty: not an authenticator code.';
  const link = describeLink(text);
  if (link) return `This QR code is a link to ${link}${SUFFIX}`;
  for (const [pattern, kind] of KINDS) {
    if (pattern.test(text)) return `This QR code holds ${kind}${SUFFIX}`;
  }
  const scheme = /^([a-z][a-z0-9+.-]{1,30}):/i.exec(text)?.[1];
  if (scheme && !/\s/.test(text)) return `This QR code is a link of another kind (${scheme.toLowerCase()}:)${SUFFIX}`;
  return `This QR code holds text (${text.length} characters)${SUFFIX}`;
}

// Only the origin and path of a web link: its query or fragment may carry a token.
function describeLink(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const shown = url.origin + (url.pathname === '/' ? '' : url.pathname);
  const cut = url.search || url.hash ? `${shown}?…` : shown;
  return cut.length > MAX_LINK_CHARS ? `${cut.slice(0, MAX_LINK_CHARS - 1)}…` : cut;
}
