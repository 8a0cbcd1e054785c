import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'prosemirror-view/style/prosemirror.css'
import './theme.css'
import './styles.css'
import './forms.css'
import './sheets.css'
import './proposals.css'
import './history.css'
import './annotations.css'
import { App } from './App'
import { registerServiceWorker } from './offline/serviceWorker'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

registerServiceWorker()
