import { describe, expect, it } from 'vitest'
import { Limiter } from '../../server/src/work/Limiter'
import { inSlices } from '../../server/src/work/slices'

// A task that finishes when its `finish` is called, recording when it started.
function gate(started: string[], name: string) {
  let finish = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  return {
    task: async () => {
      started.push(name)
      await done
      return name
    },
    finish: () => finish(),
  }
}

describe('Limiter', () => {
  it('runs one task at a time, queues the next in order and refuses beyond its queue', async () => {
    const limiter = new Limiter(1, 2)
    const started: string[] = []
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => gate(started, name)) as [
      ReturnType<typeof gate>,
      ReturnType<typeof gate>,
      ReturnType<typeof gate>,
      ReturnType<typeof gate>,
    ]
    const runs = [a, b, c, d].map((g) => limiter.run(g.task))
    expect(await runs[3]).toEqual({ ok: false, code: 'busy' })
    expect(started).toEqual(['a'])
    a.finish()
    expect(await runs[0]).toEqual({ ok: true, value: 'a' })
    b.finish()
    c.finish()
    expect(await Promise.all(runs.slice(1, 3))).toEqual([
      { ok: true, value: 'b' },
      { ok: true, value: 'c' },
    ])
    expect(started).toEqual(['a', 'b', 'c'])
    // Every place is free again: a new task runs at once.
    const e = gate(started, 'e')
    const run = limiter.run(e.task)
    e.finish()
    expect(await run).toEqual({ ok: true, value: 'e' })
  })

  it('frees its place when a task throws', async () => {
    const limiter = new Limiter(1, 0)
    await expect(limiter.run(() => Promise.reject(new Error('render failed')))).rejects.toThrow(
      'render failed',
    )
    expect(await limiter.run(() => Promise.resolve(1))).toEqual({ ok: true, value: 1 })
  })
})

describe('inSlices', () => {
  it('lets a timer run between the slices of a generator and returns its result', async () => {
    const order: string[] = []
    function* steps(): Generator<void, string, void> {
      order.push('slice 1')
      setImmediate(() => order.push('someone else'))
      yield
      order.push('slice 2')
      return 'done'
    }
    expect(await inSlices(steps())).toBe('done')
    expect(order).toEqual(['slice 1', 'someone else', 'slice 2'])
  })
})
