// The entry / correction form of a collected record, generated from GET /options `fields[kind]`.
import type { FormItemRule } from 'element-plus'
import type { CollectionRecord, FieldDef, FieldValue } from '@/api/collection'
import { ApiError } from '@/api/request'

/** Form values: strings for inputs / dates / selects, booleans for 是否 radios. */
export type FormValues = Record<string, string | boolean>

const MONEY = /^\d+(\.\d{1,6})?$/

export const isPublicField: FieldDef = { name: 'is_public', label: '是否公示', type: 'bool', required: true }

/** The contract lists 是否公示 as a field of every kind; add it when the options leave it out. */
export function withPublicField(fields: FieldDef[]): FieldDef[] {
  return fields.some((f) => f.name === 'is_public') ? fields : [...fields, isPublicField]
}

export function blankValues(fields: FieldDef[]): FormValues {
  const values: FormValues = {}
  for (const f of fields) values[f.name] = f.type === 'bool' ? f.name === 'is_public' : ''
  return values
}

/** The values of a stored record, for 修改. */
export function valuesOf(fields: FieldDef[], record: Pick<CollectionRecord, 'fields' | 'is_public'>): FormValues {
  const values = blankValues(fields)
  for (const f of fields) {
    const v = f.name === 'is_public' ? record.is_public : record.fields[f.name]
    if (f.type === 'bool') values[f.name] = v === true || v === 'true' || v === 1
    else if (v !== null && v !== undefined) values[f.name] = String(v)
  }
  return values
}

const trimmed = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : '')

/** Element Plus rules: 必填, 最多 N 字, 金额 (万元, ≥ 0, ≤ 6 decimals), 有效期至 ≥ 有效期自. */
export function rulesFor(fields: FieldDef[], values: FormValues): Record<string, FormItemRule[]> {
  const rules: Record<string, FormItemRule[]> = {}
  for (const f of fields) {
    if (f.type === 'bool') continue
    const list: FormItemRule[] = []
    const trigger = f.type === 'date' || f.type === 'select' ? 'change' : 'blur'
    if (f.required) list.push({ required: true, whitespace: true, message: `${f.type === 'date' || f.type === 'select' ? '请选择' : '请填写'}${f.label}`, trigger })
    if (f.max_length) list.push({ max: f.max_length, message: `${f.label}最多${f.max_length}个字`, trigger: 'blur' })
    if (f.type === 'money') list.push({ pattern: MONEY, message: `${f.label}须为不小于0的数字（最多6位小数）`, trigger: 'blur' })
    rules[f.name] = list
  }
  if (fields.some((f) => f.name === 'valid_to') && fields.some((f) => f.name === 'valid_from')) {
    ;(rules.valid_to ??= []).push({
      validator: (_r, v: string, cb) => (v && values.valid_from && v < String(values.valid_from) ? cb(new Error('有效期至不能早于有效期自')) : cb()),
      trigger: 'change',
    })
  }
  return rules
}

/** `fields` for the API: trimmed strings, empty optional inputs as null; `is_public` apart. */
export function toPayload(fields: FieldDef[], values: FormValues): { fields: Record<string, FieldValue>; is_public: boolean } {
  const out: Record<string, FieldValue> = {}
  let isPublic = true
  for (const f of fields) {
    const v = values[f.name]
    if (f.name === 'is_public') {
      isPublic = v === true
      continue
    }
    if (f.type === 'bool') out[f.name] = v === true
    else out[f.name] = trimmed(v) === '' ? null : trimmed(v)
  }
  return { fields: out, is_public: isPublic }
}

/** Only what 修改 changed, in the PATCH shape (`fields` holds the changed fields only). */
export function changesOf(
  fields: FieldDef[],
  record: Pick<CollectionRecord, 'fields' | 'is_public'>,
  values: FormValues,
): { fields?: Record<string, FieldValue>; is_public?: boolean } {
  const before = toPayload(fields, valuesOf(fields, record))
  const after = toPayload(fields, values)
  const changed: Record<string, FieldValue> = {}
  for (const key of Object.keys(after.fields)) if (after.fields[key] !== before.fields[key]) changed[key] = after.fields[key]
  const patch: { fields?: Record<string, FieldValue>; is_public?: boolean } = {}
  if (Object.keys(changed).length) patch.fields = changed
  if (after.is_public !== before.is_public) patch.is_public = after.is_public
  return patch
}

/** "最多可输入1000个字符,还可以输入N字符" under a textarea. */
export function remaining(field: FieldDef, value: string | boolean | undefined): number | null {
  if (!field.max_length) return null
  return field.max_length - (typeof value === 'string' ? value.length : 0)
}

/** A stored value for display (查看): "该数据未提供" when the provider left it out. */
export function displayValue(field: FieldDef, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '该数据未提供'
  if (field.type === 'bool') return value === true || value === 'true' ? '是' : '否'
  if (field.type === 'select') return field.options?.find((o) => o.value === String(value))?.label ?? String(value)
  return String(value)
}

/** COLLECTION_FIELDS_INVALID lists each refused field: show the reasons under the inputs. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(error instanceof ApiError)) return out
  const list = (error.data as { errors?: { field?: string; message?: string }[] } | null)?.errors
  if (!Array.isArray(list)) return out
  for (const e of list) if (e?.field && e.message && !out[e.field]) out[e.field] = e.message
  return out
}
