const MARK = '\u0000long:';

/**
 * JSON as Jackson writes ZooKeeper's answers: a bigint (a session id, a Java long) becomes a
 * bare number with every digit, which JSON.stringify cannot write on its own.
 */
export function longJson(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? `${MARK}${BigInt.asIntN(64, v)}` : v),
    2,
  );
  return text.replace(/"\\u0000long:(-?\d+)"/g, '$1');
}
