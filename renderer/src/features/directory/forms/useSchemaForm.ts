import { computed, nextTick, ref, watch } from 'vue'
import type { ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { Attributes } from '../../../../../shared/directory'
import { useAttributeSchemasStore } from '../../../stores/attributeSchemas'
import { fieldId, type AttributeField, type Draft } from './attributeForm'
import { schemaForm, type SchemaForm } from './schemaFields'

/**
 * The create and edit forms' fields from the target's own schema where it has one (schemaFields.ts),
 * asked once per profile for the session, and the attributes the person added with "Add an attribute".
 * An added field takes the focus, so the keyboard goes on where the choice was made.
 */
export function useSchemaForm(options: {
  profileId: () => string
  objectType: () => ObjectTypeDescriptor | undefined
  fields: () => readonly AttributeField[]
  mode: 'create' | 'edit'
  values: () => Attributes | Draft
  idPrefix: string
}) {
  const schemas = useAttributeSchemasStore()
  const added = ref<string[]>([])
  watch(
    () => [options.profileId(), options.objectType()?.id] as const,
    ([profileId, objectType]) => {
      added.value = []
      if (objectType) void schemas.schemaFor(profileId, objectType)
    },
    { immediate: true },
  )
  const form = computed<SchemaForm>(() => {
    const objectType = options.objectType()
    if (!objectType) return { fields: [], addable: [] }
    const schema = schemas.schemaOf(options.profileId(), objectType.id)
    return schemaForm({ objectType, fields: options.fields(), schema, mode: options.mode, values: options.values(), added: added.value })
  })

  async function add(path: string): Promise<void> {
    if (!added.value.includes(path)) added.value = [...added.value, path]
    await nextTick()
    document.getElementById(fieldId(options.idPrefix, path))?.focus()
  }

  return { form, add }
}
