// 惩戒目录: the catalog entries of the manager's subtree, added and deleted (an entry in use cannot go).
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { confirmed } from '@/composables/confirm'
import {
  createCatalogEntry,
  deleteCatalogEntry,
  listCatalog,
  listPunishingDepartments,
  type CatalogEntry,
  type PunishingDepartment,
} from '@/api/punishment'
import { toEntryBody, type EntryForm } from './punishmentState'

export function useCatalog() {
  const entries = ref<CatalogEntry[]>([])
  const departments = ref<PunishingDepartment[]>([])
  const loading = ref(false)
  const saving = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      entries.value = (await listCatalog()).items
    } catch {
      // shown by the request client
    } finally {
      loading.value = false
    }
  }

  /** The punishing departments of the manager's subtree. */
  async function loadDepartments(): Promise<void> {
    try {
      departments.value = (await listPunishingDepartments()).items
    } catch {
      // shown by the request client
    }
  }

  async function create(form: EntryForm): Promise<boolean> {
    saving.value = true
    try {
      const created = await createCatalogEntry(toEntryBody(form))
      entries.value = [...entries.value, created]
      ElMessage.success('惩戒目录已添加')
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  async function remove(entry: CatalogEntry): Promise<boolean> {
    if (!(await confirmed(`确定删除惩戒目录“${entry.name}”（${entry.department.name}）吗？`, '删除惩戒目录'))) return false
    try {
      await deleteCatalogEntry(entry.id)
      entries.value = entries.value.filter((x) => x.id !== entry.id)
      ElMessage.success('已删除')
      return true
    } catch {
      return false
    }
  }

  return { entries, departments, loading, saving, load, loadDepartments, create, remove }
}

/** Client-side filter of the catalog (seed: 项目名称, 惩戒依据, 提请机关, 惩戒机关, 惩戒措施). */
export function filterCatalog(entries: CatalogEntry[], q: string): CatalogEntry[] {
  const t = q.trim()
  if (!t) return entries
  return entries.filter((e) => [e.name, e.basis, e.proposing_org, e.department.name, e.measures].some((v) => v.includes(t)))
}
