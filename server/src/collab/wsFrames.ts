// RFC 6455: FIN set, opcode 2 (binary); a server's frames are not masked.
const FIN_BINARY = 0x82

/**
 * Messages as unmasked binary websocket frames, one after another in one buffer: what a server
 * writes to a socket for them, built once and written to every socket that gets the same.
 */
export function binaryFrames(messages: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = []
  for (const message of messages) parts.push(frameHeader(message.length), message)
  return Buffer.concat(parts)
}

function frameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([FIN_BINARY, length])
  if (length < 65536) {
    const header = Buffer.from([FIN_BINARY, 126, 0, 0])
    header.writeUInt16BE(length, 2)
    return header
  }
  const header = Buffer.alloc(10)
  header[0] = FIN_BINARY
  header[1] = 127
  header.writeUIntBE(length, 4, 6)
  return header
}
