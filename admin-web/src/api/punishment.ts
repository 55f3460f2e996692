// 联合惩戒 (docs/punishment.md): /api/v1/admin/punishment. Managers (punishment:manage) keep the catalog and
// publish matters; department liaisons (notice:receive) see what names their department and the lists of their area.
import { API_BASE, ApiError, downloadFile, fetchFile, http, notifyError, saveBlob, tokenStorage } from './request'
import type { IdName, Page, PageQuery } from './types'

export type PunishmentCategory = 'dishonest' | 'abnormal' | 'serious_violation' | 'debtor'
export type ReceivedListKind = 'serious_violation' | 'abnormal'

export interface CatalogEntry {
  id: number
  name: string
  proposing_org: string
  basis: string
  measures: string
  department: IdName
}

export interface CatalogEntryBody {
  name: string
  proposing_org: string
  department_id: number
  basis: string
  measures: string
}

export interface PunishmentSubject {
  id: number
  name: string
  uscc: string
  operator_name: string
  established_on: string | null
  address: string | null
}

export interface ParsedSubjects {
  items: PunishmentSubject[]
  failed: { row: number; value: string; reason: string }[]
}

export interface MatterFeedback {
  id: number
  business_id: number
  entry_id: number
  entry: string
  department_id: number
  department: string
  implemented_on: string
  measure: string
  note: string
  by: string
}

export interface Matter {
  id: number
  category: PunishmentCategory
  category_label: string
  decision_no: string
  decision_org: string
  decision_date: string
  expected_on: string | null
  requirements: string
  published_at: string
  published_by: string
  subjects: { business_id: number; name: string; uscc: string; operator_name: string }[]
  entries: CatalogEntry[]
  feedback: MatterFeedback[]
}

export interface MatterBody {
  category: PunishmentCategory
  business_ids: number[]
  entry_ids: number[]
  decision_no: string
  decision_org: string
  decision_date: string
  expected_on?: string | null
  requirements?: string
}

/** 修改惩戒事项: absent fields stay; business_ids / entry_ids are the full new sets (expected_on null clears). */
export interface MatterPatch {
  business_ids?: number[]
  entry_ids?: number[]
  decision_no?: string
  decision_org?: string
  decision_date?: string
  expected_on?: string | null
  requirements?: string
}

export interface MatterFilters {
  category?: PunishmentCategory
  q?: string
}

export interface FeedbackBody {
  business_id: number
  entry_id: number
  implemented_on: string
  measure: string
  note: string
}

export interface PunishmentStats {
  year: number
  total: number
  by_category: { category: PunishmentCategory; label: string; count: number }[]
  by_entry: { entry: string; category: PunishmentCategory; count: number }[]
}

export interface ReceivedListing {
  id: number
  business: { id: number; name: string; uscc: string; established_on: string | null }
  kind: string
  kind_label: string
  doc_no: string
  listed_on: string
  list_reason: string
  list_org_name: string
  status_label: string
  downloaded: boolean
  download_label: string
}

export interface ListFilters {
  kind: ReceivedListKind
  q?: string
  downloaded?: boolean
}

const P = '/punishment'

/** The punishing departments (惩戒机关) a catalog entry may name: the departments of the manager's subtree. */
export interface PunishingDepartment {
  id: number
  name: string
  org: IdName
}
export const listPunishingDepartments = () => http.get<{ items: PunishingDepartment[] }>(`${P}/departments`)
export const listCatalog = () => http.get<{ items: CatalogEntry[] }>(`${P}/catalog`)
export const createCatalogEntry = (body: CatalogEntryBody) => http.post<CatalogEntry>(`${P}/catalog`, body)
export const deleteCatalogEntry = (id: number) => http.delete<null>(`${P}/catalog/${id}`)

export function parseSubjects(file: File): Promise<ParsedSubjects> {
  const form = new FormData()
  form.append('file', file)
  return http.post<ParsedSubjects>(`${P}/subjects/parse`, form)
}

export const publishMatter = (body: MatterBody) => http.post<Matter>(`${P}/matters`, body)
export const listMatters = (query: MatterFilters & PageQuery) => http.get<Page<Matter>>(`${P}/matters`, { ...query })
export const getMatter = (id: number) => http.get<Matter>(`${P}/matters/${id}`)
export const updateMatter = (id: number, body: MatterPatch) => http.patch<Matter>(`${P}/matters/${id}`, body)
export const deleteMatter = (id: number) => http.delete<null>(`${P}/matters/${id}`)
/** 导出: the selected matters when `ids` is given, else the matters of the current filters (one row per subject). */
export function exportMatters(filters: MatterFilters, ids: number[] = []): Promise<void> {
  const query = ids.length ? { ids: ids.join(',') } : { ...filters }
  return downloadFile(`${P}/matters/export`, '惩戒事项.xlsx', query)
}
export const getPunishmentStats = (year: number) => http.get<PunishmentStats>(`${P}/stats`, { year })

export const listPunishmentInbox = (query: MatterFilters & PageQuery) => http.get<Page<Matter>>(`${P}/inbox`, { ...query })
/** 批量下载 xml / excel of the department's matters matching the inbox filters. */
export async function exportPunishmentInbox(format: 'xml' | 'xlsx' = 'xml', filters: MatterFilters = {}): Promise<void> {
  const file = await fetchFile(`${P}/inbox/export`, { format, ...filters })
  saveBlob(file.blob, file.filename || `联合惩戒.${format}`)
}
export const sendPunishmentFeedback = (matterId: number, body: FeedbackBody) =>
  http.post<Matter>(`${P}/inbox/${matterId}/feedback`, body)

export const listReceived = (query: ListFilters & PageQuery) => http.get<Page<ReceivedListing>>(`${P}/lists`, { ...query })

/**
 * POST answering a file: the Excel of the selected listings (the API marks them 已下载). The shared client only
 * downloads with GET, so this posts itself; a cheap GET first lets the client refresh an expired token.
 */
export async function downloadReceived(kind: ReceivedListKind, ids: number[]): Promise<void> {
  await listReceived({ kind, limit: 1 })
  let res: Response
  try {
    res = await fetch(`${API_BASE}${P}/lists/download`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokenStorage.access() ?? ''}` },
      body: JSON.stringify({ kind, ids }),
    })
  } catch {
    const error = new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)
    notifyError(error)
    throw error
  }
  const type = res.headers.get('Content-Type') ?? ''
  if (!res.ok || type.includes('application/json')) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string; data?: unknown } | null
    const error = new ApiError(body?.code ?? 'HTTP_ERROR', body?.message || `下载失败（HTTP ${res.status}）`, res.status, body?.data)
    notifyError(error)
    throw error
  }
  saveBlob(await res.blob(), kind === 'abnormal' ? '经营异常名录.xlsx' : '严重违法失信企业名单.xlsx')
}
