// 在线录入: find the business in the register, then enter a record for it.
import { reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { createCollectionRecord, type CollectionKind, type CollectionRecord, type FieldDef } from '@/api/collection'
import { listEntities } from '@/api/entities'
import type { Entity, EntityFilters } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { blankValues, serverFieldErrors, toPayload, type FormValues } from './recordForm'

export type SubjectKind = 'enterprise' | 'individual'

export interface SubjectSearch {
  subject: SubjectKind
  name: string
  code: string
}

/** The search form → GET /entities query (企业 / 个体, name, code). */
export function toEntityFilters(form: SubjectSearch): EntityFilters {
  const filters: EntityFilters = { kind: form.subject }
  if (form.name.trim()) filters.q = form.name.trim()
  if (form.code.trim()) filters.uscc = form.code.trim().toUpperCase()
  return filters
}

export function useCollectionEntry(fieldsOf: (kind: CollectionKind) => FieldDef[]) {
  const form = reactive<SubjectSearch>({ subject: 'enterprise', name: '', code: '' })
  let applied: EntityFilters | null = null
  const list = useCursorList<Entity>((page) => listEntities({ ...(applied ?? {}), ...page }), 10)
  const searched = ref(false)
  const needInput = ref(false)

  function search(): Promise<void> {
    // 请先查询到主体信息再录入: a name or a code is needed, not the whole register.
    needInput.value = !form.name.trim() && !form.code.trim()
    if (needInput.value) return Promise.resolve()
    applied = toEntityFilters(form)
    searched.value = true
    return list.reload()
  }

  function switchSubject(subject: SubjectKind): void {
    form.subject = subject
    if (searched.value) void search()
  }

  // The entry dialog.
  const entering = shallowRef<{ kind: CollectionKind; entity: Entity } | null>(null)
  const values = ref<FormValues>({})
  const saving = ref(false)
  const fieldErrors = ref<Record<string, string>>({})

  function openEntry(kind: CollectionKind, entity: Entity): void {
    fieldErrors.value = {}
    values.value = blankValues(fieldsOf(kind))
    entering.value = { kind, entity }
  }

  /** Saves the entry; returns the stored record (its detail is shown next) or null. */
  async function save(validate: () => Promise<boolean>): Promise<CollectionRecord | null> {
    const target = entering.value
    if (!target || saving.value) return null
    fieldErrors.value = {}
    if (!(await validate())) return null
    saving.value = true
    try {
      const payload = toPayload(fieldsOf(target.kind), values.value)
      const saved = await createCollectionRecord({ kind: target.kind, business_id: target.entity.id, ...payload })
      const note = saved.updated_existing ? '（本部门已提供过同一文号、同一主体的信息，已更新原记录）' : ''
      ElMessage.success(`保存成功，记名状态：${saved.match_state_label}${note}`)
      entering.value = null
      return saved
    } catch (error) {
      fieldErrors.value = serverFieldErrors(error) // the client has shown the Chinese message
      return null
    } finally {
      saving.value = false
    }
  }

  return { form, ...list, searched, needInput, search, switchSubject, entering, values, saving, fieldErrors, openEntry, save }
}
