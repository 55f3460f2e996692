// 惩戒事项: the managers' list (by category), the publish form (subjects from the register or Excel), statistics.
import { reactive, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { confirmed } from '@/composables/confirm'
import { listEntities } from '@/api/entities'
import {
  deleteMatter,
  exportMatters,
  getMatter,
  getPunishmentStats,
  listCatalog,
  listMatters,
  parseSubjects,
  publishMatter,
  updateMatter,
  type CatalogEntry,
  type Matter,
  type ParsedSubjects,
  type PunishmentStats,
  type PunishmentSubject,
} from '@/api/punishment'
import type { Entity } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import {
  addSubjects,
  blankMatter,
  matterToForm,
  toMatterBody,
  toMatterFilters,
  toMatterPatch,
  type MatterForm,
} from './punishmentState'

export function useMatterList() {
  const search = reactive({ category: '', q: '' })
  let applied = toMatterFilters(search)
  const list = useCursorList<Matter>((page) => listMatters({ ...applied, ...page }))
  const detail = ref<Matter | null>(null)

  function run(): Promise<void> {
    applied = toMatterFilters(search)
    selected.value = []
    return list.reload()
  }

  // 导出: the selected matters, or (none selected) the matters of the applied query.
  const selected = ref<Matter[]>([])
  const exporting = ref(false)
  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportMatters(applied, selected.value.map((m) => m.id))
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }

  // 删除: only a matter without feedback (the API answers 409 otherwise; the request client shows its message).
  const removing = ref<number | null>(null)
  async function remove(m: Matter): Promise<boolean> {
    if (!(await confirmed(`确定删除惩戒事项“${m.decision_no}”吗？已发布至的惩戒机关将不再收到该事项。`, '删除惩戒事项'))) return false
    removing.value = m.id
    try {
      await deleteMatter(m.id)
      ElMessage.success('惩戒事项已删除')
      list.items.value = list.items.value.filter((x) => x.id !== m.id)
      selected.value = selected.value.filter((x) => x.id !== m.id)
      if (detail.value?.id === m.id) detail.value = null
      return true
    } catch {
      return false
    } finally {
      removing.value = null
    }
  }
  return { search, ...list, run, detail, selected, exporting, exportExcel, removing, remove }
}

export const entityToSubject = (e: Entity): PunishmentSubject => ({
  id: e.id,
  name: e.name,
  uscc: e.uscc,
  operator_name: e.operator_name,
  established_on: e.established_on,
  address: e.address,
})

export function usePublish(onDone: (m: Matter) => void, editId: number | null = null) {
  const form = reactive<MatterForm>(blankMatter())
  // 修改: the matter as published (its feedback decides what may not be removed).
  const original = ref<Matter | null>(null)
  const loadingMatter = ref(false)

  async function loadMatter(): Promise<boolean> {
    if (editId === null) return false
    loadingMatter.value = true
    try {
      original.value = await getMatter(editId)
      Object.assign(form, matterToForm(original.value))
      return true
    } catch {
      return false
    } finally {
      loadingMatter.value = false
    }
  }
  const catalog = ref<CatalogEntry[]>([])
  const saving = ref(false)
  const importing = ref(false)
  const failed = ref<ParsedSubjects['failed']>([])
  // The register search of 选择惩戒主体.
  const found = ref<PunishmentSubject[]>([])
  const searching = ref(false)

  async function loadCatalog(): Promise<void> {
    try {
      catalog.value = (await listCatalog()).items
    } catch {
      // shown by the request client
    }
  }

  async function searchRegister(q: string): Promise<void> {
    const t = q.trim()
    if (!t) {
      found.value = []
      return
    }
    searching.value = true
    try {
      const page = await listEntities(/^[0-9A-Z]{18}$/i.test(t) ? { uscc: t.toUpperCase(), limit: 20 } : { q: t, limit: 20 })
      found.value = page.items.map(entityToSubject)
    } catch {
      found.value = []
    } finally {
      searching.value = false
    }
  }

  function pick(subject: PunishmentSubject): void {
    if (!addSubjects(form.subjects, [subject])) ElMessage.info('该主体已在惩戒主体中')
  }

  function drop(id: number): void {
    form.subjects = form.subjects.filter((s) => s.id !== id)
  }

  async function importExcel(file: File): Promise<void> {
    importing.value = true
    try {
      const parsed = await parseSubjects(file)
      const added = addSubjects(form.subjects, parsed.items)
      failed.value = parsed.failed
      if (parsed.failed.length) ElMessage.warning(`导入 ${added} 个主体，${parsed.failed.length} 行未匹配`)
      else ElMessage.success(`导入 ${added} 个主体`)
    } catch {
      // shown by the request client
    } finally {
      importing.value = false
    }
  }

  async function save(): Promise<boolean> {
    if (editId === null) return false
    saving.value = true
    try {
      const m = await updateMatter(editId, toMatterPatch(form))
      ElMessage.success('惩戒事项已修改')
      original.value = m
      onDone(m)
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  async function submit(): Promise<boolean> {
    if (editId !== null) return save()
    try {
      await ElMessageBox.confirm(
        `确定将 ${form.subjects.length} 个惩戒主体、${form.entry_ids.length} 项惩戒目录发布至各惩戒机关吗？`,
        '发布惩戒事项',
        { type: 'warning', confirmButtonText: '发布', cancelButtonText: '取消' },
      )
    } catch {
      return false
    }
    saving.value = true
    try {
      const m = await publishMatter(toMatterBody(form))
      ElMessage.success('惩戒事项已发布')
      Object.assign(form, blankMatter())
      failed.value = []
      onDone(m)
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  return {
    form,
    catalog,
    saving,
    importing,
    failed,
    found,
    searching,
    loadCatalog,
    searchRegister,
    pick,
    drop,
    importExcel,
    submit,
    original,
    loadingMatter,
    loadMatter,
  }
}

export function useStats(initialYear: number) {
  const year = ref(initialYear)
  const stats = ref<PunishmentStats | null>(null)
  const loading = ref(false)
  async function load(): Promise<void> {
    loading.value = true
    const asked = year.value
    try {
      const result = await getPunishmentStats(asked)
      if (asked === year.value) stats.value = result
    } catch {
      // shown by the request client
    } finally {
      loading.value = false
    }
  }
  return { year, stats, loading, load }
}
