import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Lints snippets as if they lived in a given file, to prove the architecture rules bite.
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() })
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('import boundaries', () => {
  it('lets shared/ import itself and zod', async () => {
    const messages = await lint('shared/example.ts', "import { z } from 'zod'\nimport { contract } from './contract'\nexport const a = [z, contract]\n")
    expect(messages).toEqual([])
  })

  it.each([
    ["import axios from 'axios'\nexport const a = axios\n", 'axios'],
    ["import { readFile } from 'node:fs'\nexport const a = readFile\n", 'node:fs'],
    ["import { AppError } from '../electron/errors/AppError'\nexport const a = AppError\n", 'electron/'],
  ])('refuses shared/ importing %#', async (code, culprit) => {
    const messages = await lint('shared/example.ts', code)
    expect(messages.join('\n')).toContain('lanyard/import-boundaries')
    expect(messages.join('\n')).toContain(culprit)
  })

  it.each(['electron', 'axios', 'keytar', 'node:path', 'fs'])('refuses renderer/ importing %s', async (name) => {
    const messages = await lint('renderer/src/example.ts', `import x from '${name}'\nexport const a = x\n`)
    expect(messages.join('\n')).toContain(`may not import the package "${name}"`)
  })

  it('refuses renderer/ reaching into electron/ by a relative path', async () => {
    const messages = await lint('renderer/src/example.ts', "import { AppError } from '../../electron/errors/AppError'\nexport const a = AppError\n")
    expect(messages.join('\n')).toContain('renderer/ may not import from electron/')
  })

  it.each(['electron/connectors/okta/example.ts', 'electron/changes/example.ts', 'electron/journal/example.ts'])(
    'refuses %s importing the composition root (electron/services)',
    async (filePath) => {
      const messages = await lint(filePath, "import { createServices } from '../services/createServices'\nexport const a = createServices\n")
      expect(messages.join('\n')).toContain('electron/services is the composition root')
    },
  )

  it('refuses journal/ importing the change logic built on it', async () => {
    const messages = await lint('electron/journal/example.ts', "import { checkIntent } from '../changes/checkIntent'\nexport const a = checkIntent\n")
    expect(messages.join('\n')).toContain('journal/ is storage and queries')
  })

  it('keeps keytar in the SecretStore implementation and axios out of services', async () => {
    const keytar = await lint('electron/services/example.ts', "import keytar from 'keytar'\nexport const a = keytar\n")
    expect(keytar.join('\n')).toContain('Use the SecretStore interface')
    const axios = await lint('electron/profiles/example.ts', "import axios from 'axios'\nexport const a = axios\n")
    expect(axios.join('\n')).toContain('HTTP belongs in electron/http')
  })

  it('keeps ipcMain in the IPC wrapper and refuses `any`', async () => {
    const ipc = await lint('electron/window/example.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain\n")
    expect(ipc.join('\n')).toContain('Register calls through electron/ipc only')
    const anyType = await lint('shared/example.ts', 'export const a: any = 1\n')
    expect(anyType.join('\n')).toContain('no-explicit-any')
  })
})
