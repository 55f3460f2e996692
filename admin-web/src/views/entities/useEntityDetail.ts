import { ref, watch, type Ref } from 'vue'
import { getEntity, getLicenseQr } from '@/api/entities'
import type { Entity, LicenseQr } from '@/api/types'

/** Loads the entity and its licence QR whenever `id` changes to a value. */
export function useEntityDetail(id: Ref<number | null>) {
  const entity = ref<Entity | null>(null)
  const qr = ref<LicenseQr | null>(null)
  const loading = ref(false)
  const qrLoading = ref(false)

  watch(
    id,
    async (value) => {
      entity.value = null
      qr.value = null
      if (value == null) return
      loading.value = true
      qrLoading.value = true
      // The QR is secondary: its failure must not hide the entity.
      getLicenseQr(value)
        .then((r) => id.value === value && (qr.value = r))
        .catch(() => undefined)
        .finally(() => id.value === value && (qrLoading.value = false))
      try {
        const result = await getEntity(value)
        if (id.value === value) entity.value = result
      } catch {
        // shown by the request client
      } finally {
        if (id.value === value) loading.value = false
      }
    },
    { immediate: true },
  )

  return { entity, qr, loading, qrLoading }
}

export function tagText(tag: string | { code?: string; name?: string; label?: string }): string {
  return typeof tag === 'string' ? tag : (tag.name ?? tag.label ?? tag.code ?? '')
}
