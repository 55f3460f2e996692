// Shapes of the admin API (docs/api-contract.md). Field names follow the wire format.

export interface Envelope<T> {
  code: string
  message: string
  data: T
}

export interface Page<T> {
  items: T[]
  next: string | null
  total?: number
}

export interface PageQuery {
  cursor?: string | null
  limit?: number
}

export interface Token {
  access_token: string
  refresh_token: string
  token_type: 'Bearer'
  expires_in: number
}

export interface IdName {
  id: number
  name: string
}

export interface CodeName {
  code: string
  name: string
}

export interface OrgRef {
  id: number
  name: string
  level: string
  level_label: string
  region_code: string
}

export interface Me {
  id: number
  username: string
  name: string
  phone_masked: string | null
  org: OrgRef
  institution: IdName | null
  roles: CodeName[]
  permissions: string[]
  must_change_password: boolean
}

export interface OrgNode extends OrgRef {
  children: OrgNode[]
}

export interface Role extends CodeName {
  permissions: string[]
}

export interface Captcha {
  captcha_id: string
  image: string
}

export interface LoginPayload {
  username: string
  password: string
  captcha_id?: string
  captcha_code?: string
}

export interface LoginResult {
  token: Token
  me: Me
}

export interface PasswordChange {
  old_password: string
  new_password: string
}

export interface Entity {
  id: number
  uscc: string
  reg_no: string | null
  name: string
  kind: string
  kind_label: string
  operator_name: string
  operator_id_masked?: string | null
  region_code: string
  region_name: string
  org: IdName | null
  industry: string | null
  address: string | null
  established_on: string | null
  status: string
  status_label: string
  scale_type: string | null
  scale_type_label: string | null
  tags: Array<string | { code?: string; name?: string; label?: string }> | null
}

export interface EntityFilters {
  q?: string
  uscc?: string
  region_code?: string
  status?: string
  kind?: string
}

export interface LicenseQr {
  text: string
  image: string
}

export interface User {
  id: number
  username: string
  name: string
  phone_masked: string | null
  org: IdName
  institution: IdName | null
  roles: CodeName[]
  is_active: boolean
  created_at: string
}

export interface UserFilters {
  q?: string
  org_id?: number
}

export interface UserCreate {
  username: string
  name: string
  phone?: string
  org_id: number
  roles: string[]
  institution_id?: number
  password: string
}

export interface UserUpdate {
  name?: string
  phone?: string
  org_id?: number
  roles?: string[]
}

export interface Institution extends IdName {
  [key: string]: unknown
}
