/**
 * Map an input stream through an asynchronous function with up to `window` items in flight, and
 * give the results back in input order. The reorder buffer is the queue of in-flight items by
 * sequence number: a result that is ready waits there until every earlier one has been handed
 * on. Back-pressure: the source is read only while fewer than `window` items are in flight or
 * waiting, and nothing more is read while the consumer is busy with a result, so memory stays
 * flat however long the input and however slow the consumer (a pipe, a database).
 */
type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface OrderedOptions {
  /** items in flight at most (started and not yet handed on) */
  window: number;
  /**
   * Called when the run stops before the end (the consumer broke off, or something threw),
   * before waiting for what is in flight: a chance to release items waiting on one another.
   */
  onStop?: () => void;
}

export async function* orderedMap<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  fn: (item: T, seq: number) => Promise<R> | R,
  options: OrderedOptions | number,
): AsyncGenerator<R, void, undefined> {
  const { window, onStop } = typeof options === 'number' ? { window: options, onStop: undefined } : options;
  if (!Number.isInteger(window) || window < 1) throw new Error(`window must be a positive whole number, not ${window}`);
  const it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  // in flight, oldest first: slot k holds sequence number `head + k`
  const slots: Promise<Settled<R>>[] = [];
  let seq = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && slots.length < window) {
        const next = await it.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const n = seq++;
        // settled, never rejected: an error waits its turn like any result, and is never "unhandled"
        slots.push(Promise.resolve()
          .then(() => fn(next.value, n))
          .then((value): Settled<R> => ({ ok: true, value }), (error: unknown): Settled<R> => ({ ok: false, error })));
      }
      const head = slots.shift();
      if (!head) return;
      const settled = await head;
      if (!settled.ok) throw settled.error;
      yield settled.value;
    }
  } finally {
    // stopped early (the consumer broke off, or an error): let what is in flight finish, so
    // nothing runs on after the caller has closed what it used, then close the source
    if (slots.length || !exhausted) onStop?.();
    await Promise.all(slots);
    if (!exhausted) await it.return?.();
  }
}
