import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/*
 * The project's own import graph, read with the TypeScript compiler's pre-processor (every
 * `import`, `import type`, `export … from` and `import()`), for the test that refuses import
 * circles. Type-only imports count: a circle of types is still two modules that cannot be read,
 * moved or tested one without the other. Packages are not followed; only relative imports.
 */

const sourceExtensions = ['.ts', '.vue']

/** Every .ts and .vue file under the folders, relative to the root, in a stable order. */
export function sourceFilesUnder(root: string, folders: string[]): string[] {
  const files: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (sourceExtensions.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts')) files.push(relative(root, path))
    }
  }
  for (const folder of folders) walk(join(root, folder))
  return files
}

/** The script blocks of a single-file component; a .ts file is all script. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.vue')) return text
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n')
}

/** The file a relative specifier names, or null for a package or a file that is not source (a stylesheet). */
function resolveRelative(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const base = resolve(root, dirname(from), specifier.split('?')[0] ?? specifier)
  const candidates = [base, ...sourceExtensions.map((extension) => base + extension), ...sourceExtensions.map((extension) => join(base, `index${extension}`))]
  if (base.endsWith('.js')) candidates.push(base.replace(/\.js$/, '.ts'))
  const found = candidates.find((candidate) => sourceExtensions.some((extension) => candidate.endsWith(extension)) && existsSync(candidate) && statSync(candidate).isFile())
  return found === undefined ? null : relative(root, found)
}

/** For each file, the project files it imports (relative to the root). */
export function importGraph(root: string, files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const script = scriptOf(file, readFileSync(join(root, file), 'utf8'))
    const { importedFiles } = ts.preProcessFile(script, true, true)
    const targets = importedFiles.map((imported) => resolveRelative(root, file, imported.fileName)).filter((target) => target !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/**
 * Every import circle, one per group of files that reach each other (a strongly connected
 * component, found with Tarjan's algorithm), written as the shortest way round from its first
 * file: `a.ts → b.ts → a.ts`, followed by the knot's other files. One line per knot names what
 * to break without listing every combination of circles in it.
 */
export function importCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = []
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component)
    const start = [...component].sort()[0]
    if (start === undefined) continue
    const selfLoop = graph.get(start)?.includes(start) ?? false
    if (component.length === 1 && !selfLoop) continue
    const path = shortestWayBack(graph, members, start)
    const others = component.filter((member) => !path.includes(member)).sort()
    const knot = others.length > 0 ? ` (the same knot also holds ${others.join(', ')})` : ''
    cycles.push(`${[...path, start].join(' → ')}${knot}`)
  }
  return cycles.sort()
}

function shortestWayBack(graph: Map<string, string[]>, members: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index] as string
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue
      if (next === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(cameFrom.get(path[0] as string) as string)
        return path
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node)
        queue.push(next)
      }
    }
  }
  return [start]
}

function stronglyConnected(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const lowLink = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (node: string) => {
    index.set(node, index.size)
    lowLink.set(node, index.get(node) as number)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        lowLink.set(node, Math.min(lowLink.get(node) as number, lowLink.get(next) as number))
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) as number, index.get(next) as number))
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop() as string
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      components.push(component)
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return components
}
