/**
 * The one glob dialect of aispm (ignore files, approved-model lists): `*` matches any run of
 * characters, including `/` and `:` (resource ids are full of them); everything else is literal.
 */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) return (value) => value === pattern;
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
  return (value) => regex.test(value);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
