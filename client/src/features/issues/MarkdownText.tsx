import { parseBody } from '../../../../shared/domain/annotations/body'

/** Inline words with *emphasis*, **strong** and http(s) links, every token as text to React. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {parseBody(text).map((token, i) => {
        switch (token.type) {
          case 'em':
            return <em key={i}>{token.text}</em>
          case 'strong':
            return <strong key={i}>{token.text}</strong>
          case 'link':
            return token.href ? (
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
    </>
  )
}

const BULLET = /^\s*[-*•]\s+/
const HEADING = /^#{1,6}\s+/

/**
 * A description or paper in Markdown, read safely: paragraphs, "- " lists and "#" headings
 * (shown as strong lines), with the inline markup notes allow. Never HTML: whatever the text
 * holds shows as its characters.
 */
export function MarkdownText({ text, className }: { text: string; className?: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
  return (
    <div className={className}>
      {blocks.map((block, i) => {
        const lines = block.split('\n')
        if (lines.every((l) => BULLET.test(l))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>
                  <Inline text={l.replace(BULLET, '')} />
                </li>
              ))}
            </ul>
          )
        }
        if (lines.length === 1 && HEADING.test(block)) {
          return (
            <p key={i} className="md-heading">
              <strong>{block.replace(HEADING, '')}</strong>
            </p>
          )
        }
        return (
          <p key={i}>
            <Inline text={lines.join(' ')} />
          </p>
        )
      })}
    </div>
  )
}
