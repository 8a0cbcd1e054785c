import { useSession } from '../../auth/SessionContext'

interface WhoAmIProps {
  displayName: string
  username: string
  /** The role here, e.g. "Delegate of France"; absent outside a negotiation. */
  role?: string
}

/** Who is signed in and in which capacity, always in the top bar, with the way to sign out. */
export function WhoAmI({ displayName, username, role }: WhoAmIProps) {
  const { signOut } = useSession()
  return (
    <div className="whoami" data-testid="whoami">
      <span className="whoami-text">
        <span className="whoami-name" title={`Signed in as ${username}`}>
          {displayName}
        </span>
        {role && role.toLowerCase() !== displayName.toLowerCase() && (
          <span className="whoami-role">{role}</span>
        )}
      </span>
      <button type="button" className="button-quiet" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  )
}
