/**
 * A small route table: method + path pattern (`/api/v1/users/:userId/lifecycle/:operation`) →
 * handler. Patterns match whole segments; a `:name` segment captures one URL-decoded segment.
 */

export type RouteParams = Record<string, string>

export type RouteMatch<Handler> =
  | { kind: 'found'; handler: Handler; params: RouteParams }
  /** The path exists but not for this method (the target's 405). */
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' }

interface Route<Handler> {
  method: string
  segments: string[]
  handler: Handler
}

export class RouteTable<Handler> {
  private readonly routes: Route<Handler>[] = []

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: splitPath(pattern), handler })
    return this
  }

  /** Earlier routes win, so add literal paths (`/users/me`) before parameterised ones. */
  match(method: string, path: string): RouteMatch<Handler> {
    const segments = splitPath(path)
    const allowed: string[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments)
      if (!params) continue
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params }
      allowed.push(route.method)
    }
    return allowed.length > 0 ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' }
  }
}

/** Empty segments are dropped, so `//api/v1/users/` matches `/api/v1/users` (clients that add slashes). */
function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '')
}

function matchSegments(pattern: string[], actual: string[]): RouteParams | undefined {
  if (pattern.length !== actual.length) return undefined
  const params: RouteParams = {}
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string
    const segment = actual[index] as string
    if (expected.startsWith(':')) {
      const value = safeDecode(segment)
      if (value === undefined) return undefined
      params[expected.slice(1)] = value
    } else if (expected !== segment) {
      return undefined
    }
  }
  return params
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
