import { NegotiationPicker } from './features/picker/NegotiationPicker'
import { NegotiationPage } from './NegotiationPage'
import { useRoute } from './useRoute'

/** The app: the negotiation list at `/`, a negotiation's text at `/n/<id>`. */
export function App() {
  const [route, navigate] = useRoute()
  return route.page === 'negotiation' ? (
    <NegotiationPage key={route.id} negotiationId={route.id} navigate={navigate} />
  ) : (
    <NegotiationPicker navigate={navigate} />
  )
}
