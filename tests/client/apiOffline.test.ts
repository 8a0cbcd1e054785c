import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  OFFLINE_MESSAGE,
  READS_KEPT,
  request,
  takeReadsBeforeWorker,
} from '../../client/src/api'
import { warmUp } from '../../client/src/offline/serviceWorker'

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })

// The browser as api.ts sees it: online or not, with or without a service worker in control.
function browser({ onLine = true, controlled = false } = {}) {
  vi.stubGlobal('navigator', { onLine, serviceWorker: controlled ? { controller: {} } : {} })
}

beforeEach(() => {
  takeReadsBeforeWorker()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('commands while offline', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a %s without sending it when the browser says it is offline',
    async (method) => {
      browser({ onLine: false })
      const fetchMock = vi.fn()
      vi.stubGlobal('fetch', fetchMock)
      const error = await request(method, '/api/negotiations/ccm/rounds', { body: {} }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ status: 0, code: 'offline', message: OFFLINE_MESSAGE })
      expect(fetchMock).not.toHaveBeenCalled()
    },
  )

  it('says the same when the network fails under a browser that thinks it is online', async () => {
    browser()
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(request('POST', '/api/auth/logout')).rejects.toMatchObject({
      code: 'offline',
      message: OFFLINE_MESSAGE,
    })
  })

  it('leaves an aborted command an abort, and a failed read the network error', async () => {
    browser()
    const abort = new DOMException('The user aborted a request.', 'AbortError')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(abort))
    await expect(request('POST', '/api/x')).rejects.toBe(abort)
    const failure = new TypeError('Failed to fetch')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(failure))
    await expect(request('GET', '/api/me')).rejects.toBe(failure)
  })

  it('still reads while offline (the service worker may answer from its cache)', async () => {
    browser({ onLine: false })
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json({ me: null })))
    await expect(request('GET', '/api/me')).resolves.toEqual({ me: null })
  })
})

describe('the reads the service worker has not seen', () => {
  it('records JSON reads made before the worker controls the page, once each, oldest first', async () => {
    browser()
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation(() => Promise.resolve(json({}))),
    )
    await request('GET', '/api/me')
    await request('GET', '/api/negotiations/ccm')
    await request('GET', '/api/me')
    expect(takeReadsBeforeWorker()).toEqual(['/api/negotiations/ccm', '/api/me'])
    expect(takeReadsBeforeWorker()).toEqual([])
  })

  it('skips commands, errors, non-JSON answers and reads through the worker', async () => {
    browser()
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockResolvedValueOnce(json({}))
    await request('POST', '/api/negotiations/ccm/rounds', { body: {} })
    fetchMock.mockResolvedValueOnce(new Response('{}', { status: 404 }))
    await request('GET', '/api/missing').catch(() => undefined)
    fetchMock.mockResolvedValueOnce(
      new Response('a,b', { status: 200, headers: { 'content-type': 'text/csv' } }),
    )
    await request('GET', '/api/export.csv').catch(() => undefined)
    browser({ controlled: true })
    fetchMock.mockResolvedValueOnce(json({}))
    await request('GET', '/api/me')
    expect(takeReadsBeforeWorker()).toEqual([])
  })

  it(`keeps the last ${READS_KEPT} paths only`, async () => {
    browser()
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation(() => Promise.resolve(json({}))),
    )
    for (let i = 0; i < READS_KEPT + 5; i++) await request('GET', `/api/r/${i}`)
    const kept = takeReadsBeforeWorker()
    expect(kept).toHaveLength(READS_KEPT)
    expect(kept[0]).toBe('/api/r/5')
    expect(kept.at(-1)).toBe(`/api/r/${READS_KEPT + 4}`)
  })

  it('warms up by reading each path again, and a read still in flight once it lands', async () => {
    browser()
    let land: (r: Response) => void = () => {}
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(json({})))
    vi.stubGlobal('fetch', fetchMock)
    await request('GET', '/api/me')
    await request('GET', '/api/negotiations/ccm')
    fetchMock.mockImplementationOnce(() => new Promise<Response>((r) => (land = r)))
    const inFlight = request('GET', '/api/negotiations/ccm/members')

    const read = vi.fn().mockResolvedValue(undefined).mockRejectedValueOnce(new Error('down'))
    const { done, stop } = warmUp(read)
    await done
    expect(read.mock.calls.map(([p]) => p as string)).toEqual(['/api/me', '/api/negotiations/ccm'])
    land(json({}))
    await inFlight
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(3))
    expect(read).toHaveBeenLastCalledWith('/api/negotiations/ccm/members')
    stop()
    expect(takeReadsBeforeWorker()).toEqual([])
  })
})
