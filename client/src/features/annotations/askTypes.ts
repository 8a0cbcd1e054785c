/** A question before an action that affects others: what it says, and what confirming does. */
export interface Question {
  title: string
  text: string
  confirmLabel: string
  danger: boolean
  /** What confirming does; a rejected promise is shown in the panel. */
  run: () => unknown
}

/** Asks a question in the panel's one confirmation dialog. */
export type Ask = (question: Question) => void
