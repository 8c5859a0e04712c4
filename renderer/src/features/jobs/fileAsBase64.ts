/**
 * A chosen file's bytes as base64, for `jobs.readList`: main sniffs the encoding (UTF-8, UTF-16,
 * Windows-1252), so the renderer sends bytes rather than text it would have to decode by guessing.
 * Chunked, since `String.fromCharCode` takes only so many arguments at once.
 */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const chunk = 0x8000
  let binary = ''
  for (let at = 0; at < bytes.length; at += chunk) binary += String.fromCharCode(...bytes.subarray(at, at + chunk))
  return btoa(binary)
}
