import { useEffect, useMemo, useRef } from 'react'
import { DOMSerializer, Node as PMNode } from 'prosemirror-model'
import { treatySchema } from '../../../../shared/schema'
import { labelRenderedText } from '../../editor/labelDom'

// The text as DOM through the schema's own `toDOM`, or why the schema refuses it.
function render(doc: unknown): { dom: Node | null; problem: string | null } {
  try {
    const node = PMNode.fromJSON(treatySchema, doc)
    const dom = DOMSerializer.fromSchema(treatySchema).serializeFragment(node.content)
    // The labels the editor shows ("2 bis", "Option 1:"), as attributes the CSS puts before.
    labelRenderedText(node, dom)
    return { dom, problem: null }
  } catch (e) {
    return { dom: null, problem: (e as Error).message }
  }
}

/**
 * A treaty text as it was frozen (ProseMirror JSON), read only, rendered by the schema's own
 * `toDOM` with the editor's labels (`labelRenderedText`) so that it has the editor's typography
 * and numbering (the `.frozen-text` rules).
 */
export function FrozenText({ doc }: { doc: unknown }) {
  const ref = useRef<HTMLDivElement>(null)
  const { dom, problem } = useMemo(() => render(doc), [doc])
  useEffect(() => {
    // A snapshot the schema refuses is shown as a problem, never half-rendered.
    ref.current?.replaceChildren(...(dom ? [dom.cloneNode(true)] : []))
  }, [dom])
  return (
    <>
      {problem && (
        <p className="form-error" role="alert">
          This text cannot be shown: {problem}
        </p>
      )}
      <div ref={ref} className="frozen-text" data-testid="frozen-text" />
    </>
  )
}
