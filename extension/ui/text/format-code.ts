/** Splits a code into groups of three (or four for 8 digits) so it can be read and typed in chunks: "123 456". */
export function groupCode(code: string): string {
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  if (code.length === 7) return `${code.slice(0, 3)} ${code.slice(3)}`;
  return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** The name an account goes by on screen and for assistive technology. */
export function formatAccountLabel(account: { issuer: string; account: string }): string {
  if (!account.issuer) return account.account;
  if (!account.account) return account.issuer;
  return `${account.issuer}: ${account.account}`;
}
