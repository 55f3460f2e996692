// 检查事项 catalog: 检查项目 → 检查子项 (检查方法与要求, 检查依据) → 检查内容 (选择型 / 数值型 / 填写型 / 是非型),
// shown as one tree table, edited in one dialog whose fields depend on the row kind.
import { reactive, ref, shallowRef } from 'vue'
import {
  createContent,
  createItem,
  createSubItem,
  getCatalog,
  updateContent,
  updateItem,
  updateSubItem,
  type CheckContent,
  type CheckItem,
  type CheckSubItem,
  type ResultType,
} from '@/api/inspections'

export const RESULT_TYPES: { value: ResultType; label: string }[] = [
  { value: 'choice', label: '选择型' },
  { value: 'numeric', label: '数值型' },
  { value: 'text', label: '填写型' },
  { value: 'boolean', label: '是非型' },
]

export type RowKind = 'item' | 'subitem' | 'content'

export interface CatalogRow {
  key: string
  kind: RowKind
  id: number
  /** The parent's id (item of a subitem, subitem of a content). */
  parentId: number | null
  name: string
  detail: string
  extra: string
  enabled: boolean
  sort: number
  source: CheckItem | CheckSubItem | CheckContent
  children?: CatalogRow[]
}

function contentDetail(c: CheckContent): string {
  if (c.result_type === 'choice') return `选项：${c.options.join(' / ')}`
  if (c.result_type === 'numeric') return `单位：${c.unit}`
  return ''
}

export function catalogRows(items: CheckItem[]): CatalogRow[] {
  return items.map((item) => ({
    key: `i${item.id}`,
    kind: 'item',
    id: item.id,
    parentId: null,
    name: item.name,
    detail: item.line,
    extra: `${item.subitems.length} 个子项`,
    enabled: item.enabled,
    sort: item.sort,
    source: item,
    children: item.subitems.map((sub) => ({
      key: `s${sub.id}`,
      kind: 'subitem',
      id: sub.id,
      parentId: item.id,
      name: sub.name,
      detail: sub.method,
      extra: sub.basis,
      enabled: sub.enabled,
      sort: sub.sort,
      source: sub,
      children: sub.contents.map((c) => ({
        key: `c${c.id}`,
        kind: 'content' as const,
        id: c.id,
        parentId: sub.id,
        name: c.content,
        detail: c.result_type_label,
        extra: contentDetail(c),
        enabled: c.enabled,
        sort: c.sort,
        source: c,
      })),
    })),
  }))
}

export interface CatalogForm {
  kind: RowKind
  /** Editing this id; null when adding. */
  id: number | null
  parentId: number | null
  name: string
  line: string
  method: string
  basis: string
  result_type: ResultType
  options: string[]
  unit: string
  sort: number
  enabled: boolean
}

export const emptyCatalogForm = (kind: RowKind, parentId: number | null = null): CatalogForm => ({
  kind,
  id: null,
  parentId,
  name: '',
  line: '市场监管',
  method: '',
  basis: '',
  result_type: 'choice',
  options: ['符合', '不符合'],
  unit: '',
  sort: 0,
  enabled: true,
})

export function rowToForm(row: CatalogRow): CatalogForm {
  const base = { ...emptyCatalogForm(row.kind, row.parentId), id: row.id, sort: row.sort, enabled: row.enabled }
  if (row.kind === 'item') return { ...base, name: row.name, line: (row.source as CheckItem).line }
  if (row.kind === 'subitem') {
    const s = row.source as CheckSubItem
    return { ...base, name: s.name, method: s.method, basis: s.basis }
  }
  const c = row.source as CheckContent
  return { ...base, name: c.content, result_type: c.result_type, options: [...c.options], unit: c.unit }
}

/** Why the form cannot be saved yet, or null (the same rules as INSPECTION_CONTENT_INVALID). */
export function catalogProblem(form: CatalogForm): string | null {
  if (!form.name.trim()) return form.kind === 'content' ? '请填写检查内容' : '请填写名称'
  if (form.kind === 'subitem' && (!form.method.trim() || !form.basis.trim())) return '请填写检查方法与要求、检查依据'
  if (form.kind === 'content') {
    const options = new Set(form.options.map((o) => o.trim()).filter(Boolean))
    if (form.result_type === 'choice' && options.size < 2) return '选择型检查内容至少需要两个不同的选项'
    if (form.result_type === 'numeric' && !form.unit.trim()) return '数值型检查内容须填写单位'
  }
  return null
}

export function useCatalog() {
  const rows = shallowRef<CatalogRow[]>([])
  const loading = ref(false)
  const saving = ref(false)
  const visible = ref(false)
  const form = reactive<CatalogForm>(emptyCatalogForm('item'))

  async function load(): Promise<void> {
    loading.value = true
    try {
      rows.value = catalogRows(await getCatalog())
    } catch {
      // shown by the request client
    } finally {
      loading.value = false
    }
  }
  function openAdd(kind: RowKind, parentId: number | null = null): void {
    Object.assign(form, emptyCatalogForm(kind, parentId))
    visible.value = true
  }
  function openEdit(row: CatalogRow): void {
    Object.assign(form, rowToForm(row))
    visible.value = true
  }

  async function save(): Promise<boolean> {
    saving.value = true
    try {
      const name = form.name.trim()
      const common = { sort: form.sort, enabled: form.enabled }
      if (form.kind === 'item') {
        const body = { name, line: form.line.trim() || '市场监管', ...common }
        await (form.id ? updateItem(form.id, body) : createItem(body))
      } else if (form.kind === 'subitem') {
        const body = { name, method: form.method.trim(), basis: form.basis.trim(), ...common }
        await (form.id ? updateSubItem(form.id, body) : createSubItem(form.parentId as number, body))
      } else {
        const options = form.result_type === 'choice' ? [...new Set(form.options.map((o) => o.trim()).filter(Boolean))] : []
        const unit = form.result_type === 'numeric' ? form.unit.trim() : ''
        const body = { content: name, options, unit, ...common }
        await (form.id ? updateContent(form.id, body) : createContent(form.parentId as number, { ...body, result_type: form.result_type }))
      }
      visible.value = false
      await load()
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  return { rows, loading, saving, visible, form, load, openAdd, openEdit, save }
}
