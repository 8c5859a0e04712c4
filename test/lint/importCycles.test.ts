import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph, sourceFilesUnder } from '../support/importGraph'
import { useTemporaryDirectories } from '../support/temporaryDirectory'

describe('import circles', () => {
  it('finds none in electron/, shared/ and renderer/src', () => {
    const root = process.cwd()
    const graph = importGraph(root, sourceFilesUnder(root, ['electron', 'shared', 'renderer/src']))
    expect(importCycles(graph)).toEqual([])
  })
})

describe('the import circle finder', () => {
  const temporaryDirectory = useTemporaryDirectories()

  function project(files: Record<string, string>): string[] {
    const root = temporaryDirectory()
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    return importCycles(importGraph(root, sourceFilesUnder(root, ['src'])))
  }

  it('reports a circle of type-only imports, an export-from and a component, as the shortest way round', () => {
    const cycles = project({
      'src/a.ts': "import type { B } from './b'\nexport type A = B\n",
      'src/b.ts': "export { c } from './views/C.vue'\nexport type B = string\n",
      'src/views/C.vue': "<template><p /></template>\n<script setup lang=\"ts\">\nimport type { A } from '../a'\n</script>\n",
    })
    expect(cycles).toEqual(['src/a.ts → src/b.ts → src/views/C.vue → src/a.ts'])
  })

  it('names every file of a knot, and each knot once', () => {
    const cycles = project({
      'src/a.ts': "import './b'\nimport './c'\n",
      'src/b.ts': "import './a'\n",
      'src/c.ts': "import './a.js'\n",
      'src/d/index.ts': "const later = () => import('../e')\nexport { later }\n",
      'src/e.ts': "import '../src/d'\n",
    })
    expect(cycles).toEqual([
      'src/a.ts → src/b.ts → src/a.ts (the same knot also holds src/c.ts)',
      'src/d/index.ts → src/e.ts → src/d/index.ts',
    ])
  })

  it('ignores packages, stylesheets and imports that go one way', () => {
    const cycles = project({
      'src/a.ts': "import { z } from 'zod'\nimport './a.css'\nimport { b } from './b'\nexport const a = [z, b]\n",
      'src/b.ts': "import { z } from 'zod'\nexport const b = z\n",
      'src/a.css': 'p {}\n',
    })
    expect(cycles).toEqual([])
  })
})
