// Labels of the loan vocabulary (the staff API has no options endpoint yet: API_GAPS.md #3).
import type { ValueLabel } from '@/api/types'

export const GUARANTEE_TYPES: ValueLabel[] = [
  { value: 'credit', label: '信用' },
  { value: 'guarantee', label: '保证担保' },
  { value: 'mortgage', label: '抵押' },
  { value: 'pledge', label: '质押' },
  { value: 'combined', label: '组合担保' },
]

export const LOAN_STATUSES: ValueLabel[] = [
  { value: 'submitted', label: '已提交' },
  { value: 'contacted', label: '已联系' },
  { value: 'approved', label: '已审批通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'granted', label: '已放款' },
  { value: 'withdrawn', label: '已撤回' },
]

export const PRODUCT_STATUSES: ValueLabel[] = [
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布' },
  { value: 'unpublished', label: '已下架' },
]

export const LOAN_ACTION_LABELS: Record<string, string> = {
  contact: '联系',
  approve: '审批通过',
  reject: '审批不通过',
  grant: '放款',
}

export function loanStatusTag(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'submitted':
      return 'warning'
    case 'contacted':
    case 'approved':
      return 'primary'
    case 'granted':
    case 'published':
      return 'success'
    case 'rejected':
      return 'danger'
    default:
      return 'info'
  }
}

/** A positive amount in 元 with at most two decimals. */
export const MONEY = /^(?:0|[1-9]\d{0,9})(?:\.\d{1,2})?$/
/** A yearly rate in percent, e.g. 3.85. */
export const RATE = /^(?:0|[1-9]\d?)(?:\.\d{1,4})?$/
