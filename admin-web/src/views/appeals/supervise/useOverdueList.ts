import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { listOverdueAppeals } from '@/api/appeals'
import type { AppealDetail, AppealItem } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

/** 督办: overdue appeals of the orgs below the caller's, with a supervision notice per appeal. */
export function useOverdueList() {
  const router = useRouter()
  const list = useCursorList<AppealItem>((page) => listOverdueAppeals(page))
  const target = ref<AppealItem | null>(null)
  const action = ref<string | null>(null)

  function openSupervise(row: AppealItem): void {
    target.value = row
    action.value = 'supervise'
  }

  function onDone(updated: AppealDetail): void {
    const { id } = updated
    list.replace((row) => row.id === id, { ...updated, supervision_count: updated.supervisions.length })
  }

  const openDetail = (row: AppealItem) => router.push({ name: 'appeal-detail', params: { id: row.id } })

  return { ...list, target, action, openSupervise, onDone, openDetail }
}
