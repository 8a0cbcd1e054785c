import helmet from 'helmet'

/**
 * Security headers (helmet's defaults) with a content security policy that allows the app and
 * nothing else: its own scripts and styles (plus inline style attributes, which the editor
 * sets), its own API and websockets, images from itself and data: URLs.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The app is served over plain http on localhost too; do not rewrite its URLs to https.
        upgradeInsecureRequests: null,
      },
    },
  })
