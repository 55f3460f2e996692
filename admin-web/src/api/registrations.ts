// 登记审核 / 证照登记 / 电子档案 (docs/registration.md, staff part: /api/v1/admin/registrations).
// The shapes live here rather than in types.ts so this domain merges on its own.
import { downloadFile, fetchFile, http, type DownloadedFile } from './request'
import type { IdName, Page, PageQuery } from './types'

export type RegistrationStatus = 'draft' | 'signing' | 'reviewing' | 'approved' | 'refused' | 'withdrawn'

export interface RuleResult {
  code: string
  label: string
  passed?: boolean
  reason: string | null
}

export interface RegistrationSummary {
  id: number
  number: string
  status: RegistrationStatus
  status_label: string
  business_type: string
  business_type_label: string
  name: string | null
  operator_name: string | null
  region_code: string | null
  uscc: string | null
  archive_no: string | null
  created_at: string
  submitted_at: string | null
  decided_at: string | null
  decided_by: 'auto' | 'staff' | null
  failed_rules: RuleResult[]
  actions: string[]
}

export interface RegistrationScopeItem {
  text: string
  kind: 'licensed' | 'general'
  kind_label: string
  main: boolean
  given: boolean
  standard: boolean
}

export interface RegistrationSigner {
  id: number
  role: string
  role_label: string
  name: string
  id_type_label: string
  id_number_masked: string
  realname_status: 'pending' | 'verified' | 'expired'
  realname_status_label: string
  realname_at: string | null
  realname_until: string | null
  signed: boolean
  sign_status_label: string
  signed_at: string | null
}

export interface RegistrationEvent {
  action: string
  action_label: string
  from_status: string | null
  to_status: string | null
  comment: string
  at: string
  actor_type?: string
  actor_name?: string | null
  payload?: Record<string, unknown>
}

export interface DocumentRef {
  code: string
  title: string
  pages?: number
}

export interface RegistrationDetail {
  id: number
  number: string
  status: RegistrationStatus
  status_label: string
  business_type: string
  business_type_label: string
  steps: Record<string, boolean>
  name_step: {
    named: boolean
    region_code: string
    trade_name: string | null
    industry_word: string | null
    org_form: string | null
    name: string | null
    commitment_accepted: boolean
    place: string | null
    capital: string | null
  } | null
  operator: (Record<string, unknown> & {
    name: string
    gender_label?: string
    ethnicity?: string
    id_type_label?: string
    id_number_masked?: string
    phone_masked?: string
    birth_date?: string
    id_valid_from?: string
    id_valid_until?: string | null
    id_long_term?: boolean
    email?: string
    address?: string
    postcode?: string
    political_status?: string
    education?: string
    employment_status?: string
  }) | null
  basic: { store_name: string; urban: boolean; postcode: string; staff_count: number; paper_license: boolean } | null
  scope: RegistrationScopeItem[]
  residence: {
    street: string
    house_no: string
    property_type_label?: string
    property_use_label?: string
    owner_name: string
    area_sqm: string
  } | null
  system: {
    name: string | null
    place: string | null
    phone_masked: string | null
    capital: string | null
    industry: string | null
    term: string
    authority: IdName | null
    scope_text: string
  } | null
  signers: RegistrationSigner[]
  sign_due_on: string | null
  documents: DocumentRef[]
  rule_results: RuleResult[]
  failed_rules: RuleResult[]
  refuse_reason: string | null
  uscc: string | null
  business_id: number | null
  decided_by: 'auto' | 'staff' | null
  license_available: boolean
  pickup: string | null
  created_at: string
  submitted_at: string | null
  decided_at: string | null
  actions: string[]
  archive_no: string | null
  events: RegistrationEvent[]
}

export interface RegistrationFilters {
  status?: RegistrationStatus
  all?: boolean
  name?: string
  number?: string
  uscc?: string
}

export interface License {
  uscc: string
  name: string
  store_name: string
  kind_label: string
  operator_name: string
  place: string
  capital: string
  form: string
  scope_text: string
  established_on: string
  approved_on: string
  term: string
  authority: string
  qr_text: string
  qr_image: string
  paper_license: boolean
  pickup: string | null
}

export interface ArchiveInfo {
  title: string
  reason: string
  archive_org: string
  archivist: string | null
  location: string | null
  archived_on: string
}

export interface ArchiveItem {
  id: number
  archive_no: string
  uscc: string
  name: string
  store_name: string
  operator_name: string
  category: string
  business_type_label: string
  established_at: string
  reviewer: string
  status_label: string
  archive: ArchiveInfo
}

export interface ArchiveDetail extends ArchiveItem {
  documents: DocumentRef[]
}

export interface ArchiveFilters {
  name?: string
  uscc?: string
  archive_no?: string
}

/** PATCH body: absent keeps a value, null clears 归档人 / 归档地点. */
export type ArchiveUpdate = Partial<ArchiveInfo>

export interface ValueLabel {
  value: string
  label: string
}

export interface RegistrationCatalog {
  statuses: ValueLabel[]
  rules: { code: string; label: string }[]
  auto_capital_max: number | string
  [key: string]: unknown
}

const R = '/registrations'

export const getRegistrationCatalog = () => http.get<RegistrationCatalog>(`${R}/catalog`)
export const listRegistrations = (query: RegistrationFilters & PageQuery) => http.get<Page<RegistrationSummary>>(R, { ...query })
export const exportRegistrations = (query: RegistrationFilters) => downloadFile(`${R}/export`, '登记审核.xlsx', { ...query })
export const getRegistration = (id: number) => http.get<RegistrationDetail>(`${R}/${id}`)
export const approveRegistration = (id: number, opinion: string) => http.post<RegistrationDetail>(`${R}/${id}/approve`, { opinion })
export const refuseRegistration = (id: number, reason: string) => http.post<RegistrationDetail>(`${R}/${id}/refuse`, { reason })
export const fetchRegistrationDocument = (id: number, code: string): Promise<DownloadedFile> => fetchFile(`${R}/${id}/documents/${code}`)

export const getLicense = (id: number) => http.get<License>(`${R}/${id}/license`)
export const fetchLicensePdf = (id: number): Promise<DownloadedFile> => fetchFile(`${R}/${id}/license.pdf`)

export const listArchives = (query: ArchiveFilters & PageQuery) => http.get<Page<ArchiveItem>>(`${R}/archives`, { ...query })
export const exportArchives = (query: ArchiveFilters) => downloadFile(`${R}/archives/export`, '电子档案.xlsx', { ...query })
export const getArchive = (id: number) => http.get<ArchiveDetail>(`${R}/${id}/archive`)
export const updateArchive = (id: number, body: ArchiveUpdate) => http.patch<ArchiveDetail>(`${R}/${id}/archive`, body)
export const fetchArchiveFile = (id: number, code: string): Promise<DownloadedFile> => fetchFile(`${R}/${id}/archive/files/${code}`)
export const downloadArchiveZip = (id: number, archiveNo: string) => downloadFile(`${R}/${id}/archive.zip`, `${archiveNo}.zip`)
