import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/security/contentSecurityPolicy'

// index.html repeats the policy in a <meta>, so it holds even where the header is not sent (a page
// opened from disk, say). It must not drift from the header both doors send.
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/)
        return [name, sources.join(' ')]
      }),
  )
}

describe('content security policy', () => {
  it('lets only our own scripts and styles run, and nothing be framed or embedded', () => {
    const policy = directives(contentSecurityPolicy)
    expect(policy.get('default-src')).toBe("'self'")
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('style-src')).toBe("'self'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('is repeated in index.html, less only frame-ancestors which a <meta> cannot carry', async () => {
    const html = await readFile('renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const expected = directives(contentSecurityPolicy)
    expected.delete('frame-ancestors')
    expect(directives(meta!)).toEqual(expected)
  })
})
