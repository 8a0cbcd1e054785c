import { afterEach, describe, expect, it, vi } from 'vitest'
import { HOLE_WAIT_MS, RoomSeqs } from '../../server/src/cluster/RoomSeqs'

const u = (n: number) => new Uint8Array([n])
const bytes = (updates: Uint8Array[]) => updates.map((x) => x[0])

describe('a room’s sequence numbers across instances', () => {
  afterEach(() => vi.useRealTimers())

  it('applies the next number, drops old ones, holds early ones until the gap fills', () => {
    const seqs = new RoomSeqs(10, true)
    expect(bytes(seqs.remote(11, u(11)))).toEqual([11])
    expect(seqs.remote(11, u(11))).toEqual([])
    expect(seqs.remote(5, u(5))).toEqual([])
    expect(seqs.remote(13, u(13))).toEqual([])
    expect(seqs.waitingSince).not.toBeNull()
    expect(bytes(seqs.remote(12, u(12)))).toEqual([12, 13])
    expect(seqs.held).toBe(13)
    expect(seqs.waitingSince).toBeNull()
  })

  it('steps over its own appends, which the document already holds', () => {
    const seqs = new RoomSeqs(0, true)
    seqs.own(2) // another instance took 1
    seqs.own(3)
    expect(seqs.held).toBe(0)
    expect(bytes(seqs.remote(1, u(1)))).toEqual([1])
    expect(seqs.held).toBe(3)
    expect(bytes(seqs.remote(5, u(5)))).toEqual([])
    seqs.own(4)
    expect(seqs.held).toBe(5)
  })

  it('after a catch-up, applies what waited past it and forgets what it covered', () => {
    const seqs = new RoomSeqs(0, true)
    seqs.remote(3, u(3))
    seqs.own(4)
    seqs.remote(7, u(7))
    expect(bytes(seqs.caughtUp(6))).toEqual([7])
    expect(seqs.held).toBe(7)
    expect(seqs.waitingSince).toBeNull()
  })

  it('reports a hole that lasts, not one filled in time', () => {
    vi.useFakeTimers()
    const onHole = vi.fn()
    const seqs = new RoomSeqs(0, true, onHole)
    seqs.remote(2, u(2))
    vi.advanceTimersByTime(HOLE_WAIT_MS / 2)
    seqs.remote(1, u(1))
    vi.advanceTimersByTime(HOLE_WAIT_MS * 2)
    expect(onHole).not.toHaveBeenCalled()

    seqs.own(4)
    vi.advanceTimersByTime(HOLE_WAIT_MS - 1)
    expect(onHole).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onHole).toHaveBeenCalledTimes(1)
    expect(seqs.holeLasted).toBe(true)
    // Still there a while later: reported again, until a catch-up fills it.
    vi.advanceTimersByTime(HOLE_WAIT_MS)
    expect(onHole).toHaveBeenCalledTimes(2)
    seqs.caughtUp(4)
    vi.advanceTimersByTime(HOLE_WAIT_MS * 3)
    expect(onHole).toHaveBeenCalledTimes(2)
    seqs.stop()
  })

  it('alone (SQLite’s increasing numbers), takes every number as held', () => {
    const seqs = new RoomSeqs(0, false)
    seqs.own(40)
    seqs.own(57)
    expect(seqs.held).toBe(57)
    expect(seqs.waitingSince).toBeNull()
  })
})
