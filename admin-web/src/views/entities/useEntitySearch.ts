import { computed, reactive, ref } from 'vue'
import { listEntities } from '@/api/entities'
import type { Entity, EntityFilters } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { ENTITY_KIND_OPTIONS, ENTITY_STATUS_OPTIONS, mergeOptions } from './options'

export function useEntitySearch() {
  const filters = reactive<Required<Pick<EntityFilters, 'q' | 'uscc' | 'status' | 'kind'>>>({
    q: '',
    uscc: '',
    status: '',
    kind: '',
  })
  // The filters of the rows on screen: "加载更多" must continue the same search
  // even if the form was edited since.
  let applied: EntityFilters = {}
  const list = useCursorList<Entity>((page) => listEntities({ ...applied, ...page }))

  const statusOptions = computed(() =>
    mergeOptions(ENTITY_STATUS_OPTIONS, list.items.value.map((e) => ({ value: e.status, label: e.status_label }))),
  )
  const kindOptions = computed(() =>
    mergeOptions(ENTITY_KIND_OPTIONS, list.items.value.map((e) => ({ value: e.kind, label: e.kind_label }))),
  )

  function search(): Promise<void> {
    applied = {
      q: filters.q.trim() || undefined,
      uscc: filters.uscc.trim().toUpperCase() || undefined,
      status: filters.status || undefined,
      kind: filters.kind || undefined,
    }
    return list.reload()
  }

  function reset(): Promise<void> {
    Object.assign(filters, { q: '', uscc: '', status: '', kind: '' })
    return search()
  }

  const detailId = ref<number | null>(null)
  const openDetail = (row: Entity) => (detailId.value = row.id)

  return { filters, ...list, statusOptions, kindOptions, search, reset, detailId, openDetail }
}
