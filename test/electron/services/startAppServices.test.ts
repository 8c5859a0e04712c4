import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { startAppServices } from '../../../electron/services/startAppServices'
import { acquireDataFolderLock } from '../../../electron/storage/dataFolderLock'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const temporaryDirectory = useTemporaryDirectories()

describe('startAppServices', () => {
  it('refuses to start on a folder other than the one its door locked, before touching it', async () => {
    const locked = temporaryDirectory()
    const other = temporaryDirectory()
    const folderLock = acquireDataFolderLock({ directory: locked, door: 'cli', releaseOnExit: false })
    try {
      await expect(
        startAppServices({
          env: { LANYARD_SANDBOX: 'off' },
          dataDirectory: other,
          folderLock,
          logger: createRecordingLogger(),
          appVersion: '0.0.0',
          platform: process.platform,
          openExternal: async () => undefined,
          emit: () => undefined,
        }),
      ).rejects.toThrow(`The services were asked to start on ${other} under the lock of another folder`)
      expect(readdirSync(other)).toEqual([])
    } finally {
      folderLock.release()
    }
  })
})
