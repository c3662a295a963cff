/**
 * JSON for documents written one item at a time: `JSON.stringify(value, null, 2)` as it would appear
 * `depth` levels deep inside a pretty-printed document, so that streaming a long list gives the same
 * bytes as stringifying the whole document, without re-indenting each item with a regex.
 */
export function indentedJson(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let prefix = 0;
  let suffix = 0;
  for (let level = 0; level < depth; level++) {
    prefix += 2 + 2 * (level + 1); // "[", "\n", indentation of the next level
    suffix += 2 + 2 * level; // "\n", indentation, "]"
  }
  return text.slice(prefix, text.length - suffix);
}
