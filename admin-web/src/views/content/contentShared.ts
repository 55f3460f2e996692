// Categories and validities of news and laws (docs/content.md; no options endpoint: API_GAPS.md #4).
import type { ArticleResource, ValueLabel } from '@/api/types'

export const NEWS_CATEGORIES: ValueLabel[] = [
  { value: 'policy_interpretation', label: '政策解读' },
  { value: 'work_news', label: '工作动态' },
  { value: 'notice', label: '通知公告' },
  { value: 'typical_case', label: '典型案例' },
  { value: 'experience', label: '典型经验' },
  { value: 'activity', label: '活动资讯' },
]

export const LAW_CATEGORIES: ValueLabel[] = [
  { value: 'law', label: '法律' },
  { value: 'administrative_regulation', label: '行政法规' },
  { value: 'departmental_rule', label: '部门规章' },
  { value: 'local_regulation', label: '地方性法规' },
  { value: 'local_government_rule', label: '地方政府规章' },
  { value: 'normative_document', label: '规范性文件' },
  { value: 'interpretation', label: '法规解读' },
]

export const VALIDITIES: ValueLabel[] = [
  { value: 'effective', label: '现行有效' },
  { value: 'amended', label: '已修订' },
  { value: 'repealed', label: '已废止' },
]

export const ARTICLE_STATUSES: ValueLabel[] = [
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布' },
  { value: 'withdrawn', label: '已撤回' },
]

export const categoriesOf = (res: ArticleResource) => (res === 'news' ? NEWS_CATEGORIES : LAW_CATEGORIES)
export const nounOf = (res: ArticleResource) => (res === 'news' ? '资讯' : '法规')

export function statusTag(status: string): 'success' | 'info' | 'warning' {
  return status === 'published' ? 'success' : status === 'withdrawn' ? 'warning' : 'info'
}

/** True when rich text has no visible text (the API refuses to publish an empty body). */
export function isBlankHtml(html: string): boolean {
  return !html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim()
}
