/**
 * The one glob dialect of aispm (ignore files, approved-model lists, --only and --skip): `*` matches
 * any run of characters, including `/` and `:` (resource ids are full of them); everything else is
 * literal. Matching takes linear time in the value for any pattern (no regular expression, so no
 * backtracking): the literal pieces between stars are found left to right, each at its first place
 * after the previous one, which is where a match must put it if any match exists.
 */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) return (value) => value === pattern;
  const pieces = pattern.split('*');
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((piece) => piece.length > 0);
  const minimum = first.length + last.length;
  return (value) => {
    if (value.length < minimum || !value.startsWith(first) || !value.endsWith(last)) return false;
    let at = first.length;
    const end = value.length - last.length;
    for (const piece of middle) {
      const found = value.indexOf(piece, at);
      if (found === -1 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

/** Whether a string is a glob pattern (has a `*`). */
export function isGlob(text: string): boolean {
  return text.includes('*');
}
