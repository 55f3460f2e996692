// 信用修复 applications: 待办 (what the user's roles act on) or every application of the office.
import { reactive, ref } from 'vue'
import { listCreditApplications } from '@/api/credit'
import type { CreditApplication, CreditFilters } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export type CreditTab = 'todo' | 'all'

export interface CreditSearch {
  number: string
  name: string
  uscc: string
  kind: string
  status: string
}

export const blankCreditSearch = (): CreditSearch => ({ number: '', name: '', uscc: '', kind: '', status: '' })

export function toCreditFilters(tab: CreditTab, form: CreditSearch): CreditFilters {
  const filters: CreditFilters = {}
  if (tab === 'todo') filters.todo = true
  if (form.number.trim()) filters.number = form.number.trim().toUpperCase()
  if (form.name.trim()) filters.name = form.name.trim()
  if (form.uscc.trim()) filters.uscc = form.uscc.trim().toUpperCase()
  if (form.kind) filters.kind = form.kind
  // 待办 already means "the states I act on": a status filter only applies to 全部.
  if (form.status && tab === 'all') filters.status = form.status
  return filters
}

export function useCreditList(initialTab: CreditTab = 'todo') {
  const tab = ref<CreditTab>(initialTab)
  const form = reactive<CreditSearch>(blankCreditSearch())
  let applied: CreditFilters = toCreditFilters(initialTab, form)
  const list = useCursorList<CreditApplication>((page) => listCreditApplications({ ...applied, ...page }))

  function search(): Promise<void> {
    applied = toCreditFilters(tab.value, form)
    return list.reload()
  }

  function switchTab(next: CreditTab): Promise<void> {
    tab.value = next
    if (next === 'todo') form.status = ''
    return search()
  }

  function reset(): Promise<void> {
    Object.assign(form, blankCreditSearch())
    return search()
  }

  return { tab, form, ...list, search, switchTab, reset }
}
