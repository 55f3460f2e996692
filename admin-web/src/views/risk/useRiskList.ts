import { reactive, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { listRiskRecords, removeListing } from '@/api/risk'
import type { Listing, RiskFilters, RiskKind, RiskRecord } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export const RISK_TABS: { kind: RiskKind; label: string }[] = [
  { kind: 'penalty', label: '行政处罚' },
  { kind: 'serious', label: '严重违法失信名单' },
  { kind: 'abnormal', label: '经营异常名录 / 状态' },
]

export interface RiskSearch {
  kind: RiskKind
  name: string
  uscc: string
  status: string
  dates: [string, string] | null
}

export function toRiskFilters(form: RiskSearch): RiskFilters {
  const filters: RiskFilters = { kind: form.kind }
  if (form.name.trim()) filters.name = form.name.trim()
  if (form.uscc.trim()) filters.uscc = form.uscc.trim().toUpperCase()
  if (form.status && form.kind !== 'penalty') filters.status = form.status
  if (form.dates) [filters.date_from, filters.date_to] = form.dates
  return filters
}

export function useRiskList() {
  const form = reactive<RiskSearch>({ kind: 'penalty', name: '', uscc: '', status: '', dates: null })
  let applied: RiskFilters = { kind: 'penalty' }
  const list = useCursorList<RiskRecord>((page) => listRiskRecords({ ...applied, ...page }))

  function search(): Promise<void> {
    applied = toRiskFilters(form)
    return list.reload()
  }

  function switchKind(kind: RiskKind): Promise<void> {
    form.kind = kind
    form.status = ''
    return search()
  }

  function reset(): Promise<void> {
    Object.assign(form, { name: '', uscc: '', status: '', dates: null })
    return search()
  }

  const editing = ref<RiskRecord | null>(null)
  const openEdit = (row: RiskRecord) => (editing.value = row)
  const onSaved = (row: RiskRecord) => list.replace((r) => r.id === row.id && r.record_type === row.record_type, row)

  const removing = ref<Listing | null>(null)
  const openRemove = (row: Listing) => (removing.value = row)

  const importVisible = ref(false)

  return { form, ...list, search, switchKind, reset, editing, openEdit, onSaved, removing, openRemove, importVisible }
}

/** 移出 a listing after a confirmation; returns the updated listing or null. */
export async function confirmRemove(row: Listing, body: { reason: string; removed_on: string }): Promise<Listing | null> {
  try {
    await ElMessageBox.confirm(`确定将「${row.business.name}」移出${row.kind_label}吗？移出后不能再修改。`, '移出名单', {
      type: 'warning',
      confirmButtonText: '移出',
      cancelButtonText: '取消',
    })
  } catch {
    return null
  }
  try {
    const updated = await removeListing(row.id, body)
    ElMessage.success('已移出')
    return updated
  } catch {
    return null
  }
}
