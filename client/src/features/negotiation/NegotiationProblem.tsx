import { ApiError } from '../../api'
import { linkTo, type Navigate } from '../../useRoute'

/** Why a negotiation cannot be shown (unknown, or not yours), with the way back to the list. */
export function NegotiationProblem({ error, navigate }: { error: Error; navigate: Navigate }) {
  const status = error instanceof ApiError ? error.status : 0
  const title =
    status === 403
      ? 'You are not a member of this negotiation'
      : status === 404
        ? 'Negotiation not found'
        : 'The negotiation could not be loaded'
  return (
    <main className="picker">
      <h1>{title}</h1>
      <p>{error.message}</p>
      <p>
        <a href="/" onClick={linkTo(navigate, { page: 'picker' })}>
          Your negotiations
        </a>
      </p>
    </main>
  )
}
