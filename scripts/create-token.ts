// Creates an API token for a program (such as scripts/sync-text.ts), as the README documents:
//   PLENARY_PASSWORD=... npx tsx scripts/create-token.ts <username> [http://localhost:8080]
// It signs in, creates a token named after this machine and prints its secret, once.
import { hostname } from 'node:os'
import { createInterface } from 'node:readline/promises'

const [username, origin = 'http://localhost:8080'] = process.argv.slice(2)
if (!username) {
  console.error('Usage: npx tsx scripts/create-token.ts <username> [http://localhost:8080]')
  process.exit(2)
}

async function password(): Promise<string> {
  if (process.env.PLENARY_PASSWORD) return process.env.PLENARY_PASSWORD
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await rl.question(`Password for ${username}: `)
  } finally {
    rl.close()
  }
}

// Requests carry the server's own Origin, as its pages' requests do (the CSRF guard asks for it).
const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  })

const failed = async (what: string, res: Response): Promise<never> => {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
  console.error(`${what} failed: ${res.status} ${body?.error?.message ?? res.statusText}`)
  process.exit(1)
}

const login = await post('/api/auth/login', { username, password: await password() })
if (!login.ok) await failed('Sign-in', login)
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
const created = await post('/api/me/tokens', { name: `script on ${hostname()}` }, cookie)
if (!created.ok) await failed('Creating the token', created)
const { secret } = (await created.json()) as { secret: string }
await post('/api/auth/logout', {}, cookie)
console.log(secret)
