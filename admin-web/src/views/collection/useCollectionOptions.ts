// GET /options once per app run: kinds, states, channels and each kind's form fields.
import { onMounted, shallowRef } from 'vue'
import { getCollectionOptions, type CollectionKind, type CollectionOptions, type FieldDef } from '@/api/collection'
import { withPublicField } from './recordForm'

export function useCollectionOptions() {
  const options = shallowRef<CollectionOptions | null>(null)
  const failed = shallowRef(false)

  async function load(): Promise<CollectionOptions | null> {
    try {
      options.value = await getCollectionOptions()
      failed.value = false
    } catch {
      failed.value = true // the client has shown the message
    }
    return options.value
  }

  const fieldsOf = (kind: CollectionKind): FieldDef[] => withPublicField(options.value?.fields[kind] ?? [])

  onMounted(() => void load())
  return { options, failed, load, fieldsOf }
}
