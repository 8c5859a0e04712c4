import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { contentSecurityPolicy } from '../security/contentSecurityPolicy'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * The headers every renderer file is sent with, by both doors (the preview bridge and the app://
 * scheme): its type, our Content-Security-Policy, no sniffing a type of its own, no caching.
 */
export function staticFileHeaders(file: StaticFile): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  }
}

/**
 * Reads one file of the built renderer. The path comes from the request, so it is normalised
 * and must stay inside the folder; anything else is treated as absent. `/` is `index.html`.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const fullPath = normalize(join(root, relative))
  if (!fullPath.startsWith(normalize(root) + sep) || decoded.includes('\0')) return null
  try {
    const info = await stat(fullPath)
    if (!info.isFile()) return null
    return {
      body: await readFile(fullPath),
      contentType: contentTypes[extname(fullPath)] ?? 'application/octet-stream',
    }
  } catch {
    return null
  }
}
