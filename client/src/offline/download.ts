/** Hands the browser a file made here to download (the server never had these changes). */
export function downloadFile(name: string, body: string, type: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the link; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
