import type { Node } from 'prosemirror-model'
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { canJoin } from 'prosemirror-transform'
import {
  deleteArticleWithId,
  insertArticleAfter,
  moveArticle,
} from '../../client/src/editor/commands/articleCommands'
import { splitClause } from '../../client/src/editor/commands/clauseCommands'
import { structureKept } from '../../shared/domain/structure'

/**
 * A typed word: a number unique in the run between two copies of a CJK character that belongs
 * to that number alone. y-prosemirror writes a change as a diff of the whole textblock, which
 * reuses old characters equal to the new ones at the edges; a character found nowhere else in
 * the text means every character of the word is one its client typed.
 */
export const word = (n: number): string => {
  const c = String.fromCodePoint(0x4e00 + (n % 20_000))
  return `${c}${n}${c}`
}

/** Finds typed words (see `word`) in a text. */
export const TOKEN = /([\u4e00-\u9fff])\d+\1/gu

/** The typed words a document holds. */
export function tokensOf(doc: Node): Set<string> {
  return new Set(doc.textBetween(0, doc.content.size, ' ').match(TOKEN) ?? [])
}

interface Block {
  node: Node
  /** Position of the block's start (before it). */
  pos: number
  /** The doc child holding it: its index, and its type's name. */
  top: number
  container: string
}

/** Every textblock of a treaty document, with the top-level node holding it. */
export function blocksOf(doc: Node): Block[] {
  const blocks: Block[] = []
  doc.forEach((child, offset, top) => {
    if (child.isTextblock)
      blocks.push({ node: child, pos: offset, top, container: child.type.name })
    else {
      child.forEach((node, inner) => {
        if (node.isTextblock) {
          blocks.push({ node, pos: offset + 1 + inner, top, container: child.type.name })
        }
      })
    }
  })
  return blocks
}

/** One random structural edit: a name, and the transaction it makes on a state (or null). */
export interface Edit {
  name: string
  run(state: EditorState, word: () => string): Transaction | Transaction[] | null
}

const pick = <T>(rand: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(rand() * items.length)]

/**
 * Runs an editor command with the cursor at `at`, as a keystroke would, and answers the
 * transactions it dispatched, each to apply after the one before (a move dispatches two).
 */
export function runCommand(
  state: EditorState,
  at: number,
  cmd: (s: EditorState, d: (tr: Transaction) => void) => boolean,
): Transaction[] {
  let current = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)))
  const out: Transaction[] = []
  cmd(current, (tr) => {
    out.push(tr)
    current = current.apply(tr)
  })
  return out
}

/** The random edits of the convergence test, each as a user would make it in the editor. */
export function structuralEdits(rand: () => number): Edit[] {
  const inside = (b: Block) => b.pos + 1 + Math.floor(rand() * (b.node.content.size + 1))
  const articles = (doc: Node) => blocksOf(doc).filter((b) => b.container === 'article')
  return [
    {
      name: 'type a word',
      run: (state, word) => {
        const b = pick(rand, blocksOf(state.doc))
        return b ? state.tr.insertText(` ${word()} `, inside(b)) : null
      },
    },
    {
      name: 'split a clause (Enter)',
      run: (state) => {
        const b = pick(rand, articles(state.doc))
        return b ? runCommand(state, inside(b), splitClause) : null
      },
    },
    {
      name: 'join two clauses (Backspace at the start of the second)',
      run: (state) => {
        const bs = blocksOf(state.doc)
        const at = Math.floor(rand() * bs.length)
        const [a, b] = [bs[at], bs[at + 1]]
        if (!a || !b || a.top !== b.top || a.node.type !== b.node.type) return null
        return canJoin(state.doc, b.pos) ? state.tr.join(b.pos) : null
      },
    },
    {
      name: 'delete a range within one article or the preamble',
      run: (state) => {
        const b = pick(rand, blocksOf(state.doc))
        if (!b) return null
        const same = blocksOf(state.doc).filter((o) => o.top === b.top)
        const c = pick(rand, same) as Block
        const [x, y] = [inside(b), inside(c)].sort((p, q) => p - q) as [number, number]
        return state.tr.setSelection(TextSelection.create(state.doc, x, y)).deleteSelection()
      },
    },
    {
      name: 'move an article up or down',
      run: (state) => {
        const b = pick(rand, articles(state.doc))
        return b ? runCommand(state, b.pos + 1, moveArticle(rand() < 0.5 ? -1 : 1)) : null
      },
    },
    {
      name: 'delete a run of preamble paragraphs',
      run: (state) => {
        const ps = blocksOf(state.doc).filter((b) => b.container === 'preamble')
        const first = Math.floor(rand() * ps.length)
        const last = Math.min(ps.length - 1, first + Math.floor(rand() * 12))
        const [a, z] = [ps[first], ps[last]]
        return a && z ? state.tr.delete(a.pos, z.pos + z.node.nodeSize) : null
      },
    },
    {
      name: 'retitle an article',
      run: (state, word) => {
        const ts = blocksOf(state.doc).filter((b) => b.node.type.name === 'article_title')
        const t = pick(rand, ts)
        return t
          ? state.tr.insertText(`Title ${word()}`, t.pos + 1, t.pos + t.node.nodeSize - 1)
          : null
      },
    },
    {
      name: 'insert an article',
      run: (state) => {
        const b = pick(rand, articles(state.doc))
        return b ? runCommand(state, b.pos + 1, insertArticleAfter) : null
      },
    },
    {
      name: 'delete an article',
      run: (state) => {
        const b = pick(rand, articles(state.doc))
        const id = b ? String(state.doc.child(b.top).attrs.id) : null
        return b && id ? runCommand(state, b.pos + 1, deleteArticleWithId(id)) : null
      },
    },
  ]
}

/** Whether the editor would let this local edit through (client/src/editor's structure guard). */
export const editorAllows = (state: EditorState, tr: Transaction): boolean =>
  structureKept(state.doc, tr.doc)
