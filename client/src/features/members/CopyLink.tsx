import { useId, useRef, useState } from 'react'

/** A link in a read-only field with a Copy button that says when it has copied. */
export function CopyLink({ url }: { url: string }) {
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied('yes')
    } catch {
      // Without clipboard permission, select the link so that Ctrl+C copies it.
      inputRef.current?.select()
      setCopied('failed')
    }
  }
  return (
    <div className="copy-link">
      <label htmlFor={inputId} className="visually-hidden">
        Invitation link
      </label>
      <input
        id={inputId}
        ref={inputRef}
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" onClick={() => void copy()}>
        Copy
      </button>
      <span role="status" className="copy-status">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Press Ctrl+C to copy' : ''}
      </span>
    </div>
  )
}
