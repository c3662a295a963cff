/**
 * Three-valued logic. A condition is true, false, or unknown (undefined) when it depends on a value
 * the collector could not read. Unknown never becomes a finding and never becomes a pass.
 */
export type Truth = boolean | undefined;

/** Kleene AND over lazily evaluated parts: false wins, then unknown. */
export function allOf<T>(items: readonly T[], test: (item: T) => Truth): Truth {
  let unknown = false;
  for (const item of items) {
    const value = test(item);
    if (value === false) return false;
    if (value === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** Kleene OR over lazily evaluated parts: true wins, then unknown. */
export function anyOf<T>(items: readonly T[], test: (item: T) => Truth): Truth {
  let unknown = false;
  for (const item of items) {
    const value = test(item);
    if (value === true) return true;
    if (value === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

export function negate(value: Truth): Truth {
  return value === undefined ? undefined : !value;
}
