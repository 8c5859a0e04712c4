/**
 * Saves text as a file through the browser's own download: a Blob URL on an `<a download>`.
 * Works the same in Electron and in a browser, and needs no file-system access in the renderer.
 */
export function downloadFile(fileName: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the click; the URL only has to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
