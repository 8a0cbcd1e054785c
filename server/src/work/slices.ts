/** Resolves after the event loop has served whatever else is waiting (other requests, sockets). */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Runs a generator of bounded slices of work (such as `diffSteps`) to its result, letting the
 * event loop serve everyone else after each slice, the last one included.
 */
export async function inSlices<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const step = steps.next()
    await yieldToOthers()
    if (step.done) return step.value
  }
}
