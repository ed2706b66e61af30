/**
 * A pure function's results kept per argument for the whole build. For work that thousands of
 * pages repeat with few distinct arguments: a few hundred days, two hundred countries.
 */
export function memoise<K, R>(compute: (key: K) => R): (key: K) => R {
  const results = new Map<K, R>();
  return (key) => {
    if (results.has(key)) return results.get(key) as R;
    const result = compute(key);
    results.set(key, result);
    return result;
  };
}
