import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AttributeSchema } from '../../../shared/attributeSchema'
import { useApi } from '../api/lanyardApi'

/**
 * Targets' own attribute schemas (a Cognito pool's), asked once per profile and object type for the
 * whole session: every create and edit form of that profile is built from the same answer. A failed
 * read is not kept (the forms fall back to the descriptor), so the next form asks again. A profile
 * whose settings change gets a new connector in main; `forget` drops what was read through the old one.
 */
export const useAttributeSchemasStore = defineStore('attributeSchemas', () => {
  /** `profileId/objectType` → the schema, null where the target has none, absent while unread. */
  const schemas = ref<Record<string, AttributeSchema | null>>({})
  const reading = new Map<string, Promise<AttributeSchema | null>>()

  function keyOf(profileId: string, objectType: string): string {
    return `${profileId}/${objectType}`
  }

  function schemaFor(profileId: string, objectType: string): Promise<AttributeSchema | null> {
    const key = keyOf(profileId, objectType)
    const pending = reading.get(key)
    if (pending) return pending
    const read = useApi()
      .invoke('directory.attributeSchema', { profileId, objectType })
      .then((result) => {
        if (!result.ok) {
          reading.delete(key)
          return null
        }
        schemas.value = { ...schemas.value, [key]: result.value }
        return result.value
      })
    reading.set(key, read)
    return read
  }

  /** What was read, null while unread or where the target has no schema (the forms then use the descriptor). */
  function schemaOf(profileId: string, objectType: string): AttributeSchema | null {
    return schemas.value[keyOf(profileId, objectType)] ?? null
  }

  function forget(profileId: string): void {
    for (const key of [...reading.keys()]) if (key.startsWith(`${profileId}/`)) reading.delete(key)
    schemas.value = Object.fromEntries(Object.entries(schemas.value).filter(([key]) => !key.startsWith(`${profileId}/`)))
  }

  return { schemas, schemaFor, schemaOf, forget }
})
