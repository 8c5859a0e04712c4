import { describe, expect, it } from 'vitest'
import { createEventListeners } from '../../../renderer/src/api/eventListeners'

describe('createEventListeners', () => {
  it('gives each subscription its own unsubscribe, even of one function twice', () => {
    const listeners = createEventListeners()
    const seen: string[][] = []
    const listener = ({ profileIds }: { profileIds: string[] }) => seen.push(profileIds)
    const first = listeners.on('profiles.changed', listener)
    listeners.on('profiles.changed', listener)
    listeners.emit('profiles.changed', { profileIds: ['a'] })
    first()
    first()
    listeners.emit('profiles.changed', { profileIds: ['b'] })
    listeners.emit('journal.appended', { ids: ['not for it'] })
    expect(seen).toEqual([['a'], ['a'], ['b']])
  })

  it('calls the listeners there when the event arrived: one subscribing meanwhile hears the next', () => {
    const listeners = createEventListeners()
    const seen: string[] = []
    listeners.on('profiles.changed', () => {
      seen.push('first')
      listeners.on('profiles.changed', () => seen.push('added'))
    })
    listeners.emit('profiles.changed', { profileIds: [] })
    expect(seen).toEqual(['first'])
    listeners.emit('profiles.changed', { profileIds: [] })
    expect(seen).toEqual(['first', 'first', 'added'])
  })
})
