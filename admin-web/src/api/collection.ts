// 信息归集 (collection of licence / penalty / support records from other departments).
// Contract: /api/v1/admin/collection, permission data:import, scope "本部门".
import { ApiError, buildUrl, downloadFile, filenameFromDisposition, http, notifyError, tokenStorage, type DownloadedFile } from './request'
import type { Page, PageQuery } from './types'

export type CollectionKind = 'license' | 'penalty' | 'support'
export type MatchState = 'matched' | 'unmatched' | 'pending'
export type CollectionChannel = 'online' | 'excel' | 'xml'

export interface Choice {
  value: string
  label: string
}

/** One input of a kind's form, as GET /options describes it. */
export interface FieldDef {
  name: string
  label: string
  type: 'text' | 'textarea' | 'date' | 'money' | 'select' | 'bool'
  required: boolean
  max_length?: number | null
  options?: Choice[] | null
}

export interface CollectionOptions {
  kinds: Choice[]
  match_states: Choice[]
  channels: Choice[]
  fields: Record<CollectionKind, FieldDef[]>
}

export interface CollectionRecordSummary {
  id: number
  kind: CollectionKind
  kind_label: string
  subject_code: string | null
  subject_name: string | null
  business_id: number | null
  record_no: string | null
  name: string | null
  authority: string | null
  match_state: MatchState
  match_state_label: string
  match_note: string | null
  channel: CollectionChannel
  channel_label: string
  source_org_name: string | null
  updated_at: string
}

export interface CollectionBusiness {
  id: number
  name: string
  uscc: string | null
  reg_no: string | null
  status: string | null
}

export interface CollectionChange {
  at: string
  by: string | null
  summary: string
}

export type FieldValue = string | number | boolean | null

export interface CollectionRecord extends CollectionRecordSummary {
  fields: Record<string, FieldValue>
  is_public: boolean
  business: CollectionBusiness | null
  changes: CollectionChange[]
  /** POST /records: the same 文号 and subject were already provided, that record was updated. */
  updated_existing?: boolean
}

export interface CollectionRecordFilters {
  kind: CollectionKind
  match_state?: string
  channel?: string
  q?: string
  record_no?: string
  authority?: string
  updated_from?: string
  updated_to?: string
  /** The records of one import job (批量导入 › 查看明细). */
  import_id?: number
}

export interface CollectionRecordCreate {
  kind: CollectionKind
  business_id?: number
  subject_code?: string
  subject_name?: string
  fields: Record<string, FieldValue>
  is_public?: boolean
}

export interface CollectionRecordUpdate {
  subject_code?: string
  subject_name?: string
  business_id?: number
  fields?: Record<string, FieldValue>
  is_public?: boolean
}

export interface CollectionJob {
  id: number
  kind: CollectionKind
  kind_label: string
  file_name: string
  channel: CollectionChannel
  channel_label?: string
  status: string
  status_label: string
  total: number
  done: number
  matched: number
  unmatched: number
  failed: number
  /** 0–100 (the API computes it from done / total). */
  progress?: number
  /** Why the whole file was refused (bad headers, not a workbook …). */
  error?: string | null
  /** Set once a failure report exists (rows refused or 记名不成功). */
  report_url?: string | null
  created_at: string
  finished_at: string | null
  org_name: string | null
}

export interface CollectionJobFilters {
  kind?: string
  status?: string
}

export interface StatsCell {
  year: number
  cumulative: number
}

export interface CollectionStatsRow {
  kind: CollectionKind | string
  kind_label: string
  state: 'total' | MatchState
  state_label: string
  total: StatsCell
  by_city: Record<string, StatsCell>
}

export interface CollectionStats {
  year: number
  cities: { region_code: string; name: string }[]
  rows: CollectionStatsRow[]
}

const BASE = '/collection'

// The options never change while the app runs: one request, shared by every screen.
let optionsOnce: Promise<CollectionOptions> | null = null
export function getCollectionOptions(): Promise<CollectionOptions> {
  optionsOnce ??= http.get<CollectionOptions>(`${BASE}/options`).catch((error) => {
    optionsOnce = null
    throw error
  })
  return optionsOnce
}

export const listCollectionRecords = (query: CollectionRecordFilters & PageQuery) =>
  http.get<Page<CollectionRecordSummary>>(`${BASE}/records`, { ...query })
export const getCollectionRecord = (id: number) => http.get<CollectionRecord>(`${BASE}/records/${id}`)
export const createCollectionRecord = (body: CollectionRecordCreate) => http.post<CollectionRecord>(`${BASE}/records`, body)
export const updateCollectionRecord = (id: number, body: CollectionRecordUpdate) => http.patch<CollectionRecord>(`${BASE}/records/${id}`, body)
/** Silent: the caller shows the 409 (a matched record) in its own words. The API answers 204 without a body. */
export const deleteCollectionRecord = (id: number) => http.delete<null>(`${BASE}/records/${id}`, { silent: true })

const KIND_NAMES: Record<string, string> = { license: '行政许可', penalty: '行政处罚', support: '小微企业扶持' }
const kindName = (kind: string) => KIND_NAMES[kind] ?? kind

export const downloadCollectionTemplate = (kind: CollectionKind) =>
  downloadFile(`${BASE}/imports/template`, `${kindName(kind)}信息导入模板.xlsx`, { kind })
export const downloadCollectionXmlSample = (kind: CollectionKind) =>
  downloadFile(`${BASE}/imports/xml-sample`, `${kindName(kind)}信息数据接口样例.xml`, { kind })

export function startCollectionImport(kind: CollectionKind, file: File): Promise<CollectionJob> {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', file)
  return http.post<CollectionJob>(`${BASE}/imports`, form)
}
export const listCollectionImports = (query: CollectionJobFilters & PageQuery) =>
  http.get<Page<CollectionJob>>(`${BASE}/imports`, { ...query })
/** Polled while a job runs: silent, the poller decides what to show. */
export const getCollectionImport = (id: number) => http.get<CollectionJob>(`${BASE}/imports/${id}`, undefined, { silent: true })
export const downloadCollectionReport = (job: CollectionJob) =>
  downloadFile(job.report_url || `${BASE}/imports/${job.id}/report`, `${kindName(job.kind)}导入失败明细-${job.id}.xlsx`)

export const getCollectionStats = (year: number) => http.get<CollectionStats>(`${BASE}/stats`, { year })

export const downloadCompareTemplate = () => downloadFile(`${BASE}/compare/template`, '批量对比模板.xlsx')

/** A downloaded result with the counts the server sends beside it (批量对比: X-Compare-Counts). */
export type CompareResult = DownloadedFile & { counts: string | null }

async function postForFile(path: string, form: FormData): Promise<CompareResult> {
  const post = () =>
    fetch(buildUrl(path), {
      method: 'POST',
      headers: { Accept: 'application/json', ...(tokenStorage.access() ? { Authorization: `Bearer ${tokenStorage.access()}` } : {}) },
      body: form,
    })
  let res = await post()
  if (res.status === 401) {
    // Expired access token: any client call refreshes it (or ends the session), then retry once.
    await http.get(`${BASE}/options`, undefined, { silent: true })
    res = await post()
  }
  const type = res.headers.get('Content-Type') ?? ''
  if (res.ok && !type.includes('application/json')) {
    return {
      blob: await res.blob(),
      filename: filenameFromDisposition(res.headers.get('Content-Disposition')),
      counts: res.headers.get('X-Compare-Counts'),
    }
  }
  let body: { code?: string; message?: string } = {}
  try {
    body = (await res.json()) as typeof body
  } catch {
    // not the envelope
  }
  throw new ApiError(body.code ?? 'HTTP_ERROR', body.message || `服务暂不可用（HTTP ${res.status}），请稍后再试`, res.status)
}

/** 批量对比: upload the filled template, get the result workbook back. */
export async function compareEntities(file: File): Promise<CompareResult> {
  const form = new FormData()
  form.append('file', file)
  try {
    return await postForFile(`${BASE}/compare`, form)
  } catch (error) {
    if (error instanceof TypeError) {
      const offline = new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)
      notifyError(offline)
      throw offline
    }
    notifyError(error)
    throw error
  }
}
