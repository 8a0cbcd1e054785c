import { parseBody } from '../../../../shared/domain/annotations/body'

/**
 * A note's or reply's words with their *emphasis*, **strong** and links as React elements:
 * every token is text to React, so markup typed into a note is shown, never run.
 */
export function NoteBody({ text, className = 'note-body' }: { text: string; className?: string }) {
  return (
    <p className={className}>
      {parseBody(text).map((token, i) => {
        switch (token.type) {
          case 'em':
            return <em key={i}>{token.text}</em>
          case 'strong':
            return <strong key={i}>{token.text}</strong>
          case 'link':
            return /^https?:\/\//i.test(token.href ?? '') ? (
              <a key={i} href={token.href} target="_blank" rel="noopener noreferrer nofollow">
                {token.text}
              </a>
            ) : (
              <span key={i}>{token.text}</span>
            )
          default:
            return <span key={i}>{token.text}</span>
        }
      })}
    </p>
  )
}
