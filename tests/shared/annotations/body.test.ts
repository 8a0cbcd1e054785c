import { describe, expect, it } from 'vitest'
import { parseBody, safeHref } from '../../../shared/domain/annotations/body'

describe('parseBody', () => {
  it('reads plain text as one text token', () => {
    expect(parseBody('France wavering, brief their capital')).toEqual([
      { type: 'text', text: 'France wavering, brief their capital' },
    ])
  })

  it('reads *emphasis*, **strong** and http(s) links', () => {
    expect(parseBody('This *would* cover the **M85**: see https://example.org/m85.')).toEqual([
      { type: 'text', text: 'This ' },
      { type: 'em', text: 'would' },
      { type: 'text', text: ' cover the ' },
      { type: 'strong', text: 'M85' },
      { type: 'text', text: ': see ' },
      { type: 'link', text: 'https://example.org/m85', href: 'https://example.org/m85' },
      { type: 'text', text: '.' },
    ])
    expect(parseBody('[Lebanon data](http://example.org/lb)')).toEqual([
      { type: 'link', text: 'Lebanon data', href: 'http://example.org/lb' },
    ])
  })

  it('keeps an <img onerror> body as its characters', () => {
    const body = '<img src=x onerror=alert(1)>'
    expect(parseBody(body)).toEqual([{ type: 'text', text: body }])
  })

  it('refuses javascript:, data: and other schemes as links', () => {
    for (const body of [
      '[click](javascript:alert(1))',
      'javascript:alert(1)',
      '[x](data:text/html,hi)',
      '[x](ftp://example.org)',
      '[x](/relative)',
    ]) {
      const tokens = parseBody(body)
      expect(tokens.every((t) => t.type !== 'link')).toBe(true)
      expect(tokens.map((t) => t.text).join('')).toBe(body)
    }
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull()
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b')
  })

  it('does not nest: markers inside a run stay as written', () => {
    expect(parseBody('**strong *with em* inside**')).toEqual([
      { type: 'strong', text: 'strong *with em* inside' },
    ])
    expect(parseBody('*em with **strong** inside*')).toEqual([
      { type: 'em', text: 'em with **strong** inside' },
    ])
  })

  it('leaves unclosed or spaced markers as text', () => {
    for (const body of ['5 * 3 * 2', '*open', 'a ** b', '**', '*', 'one *\ntwo*']) {
      const tokens = parseBody(body)
      expect(tokens.map((t) => t.text).join('')).toBe(body)
      expect(tokens.every((t) => t.type === 'text')).toBe(true)
    }
  })

  it('ends a bare link before closing punctuation and quotes', () => {
    expect(parseBody('(see https://example.org/x)')).toEqual([
      { type: 'text', text: '(see ' },
      { type: 'link', text: 'https://example.org/x', href: 'https://example.org/x' },
      { type: 'text', text: ')' },
    ])
    expect(parseBody('"https://example.org/q"<b>')[1]).toEqual({
      type: 'link',
      text: 'https://example.org/q',
      href: 'https://example.org/q',
    })
  })
})
