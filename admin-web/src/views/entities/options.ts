// Filter choices for the entity register. The contract does not list the `status` and
// `kind` codes; these mirror the backend's EntityStatus / EntityKind enums, and any
// (code, label) pair seen in search results is added by useEntitySearch so the selects
// never miss one.
export interface Option {
  value: string
  label: string
}

export const ENTITY_STATUS_OPTIONS: Option[] = [
  { value: 'active', label: '存续（在营）' },
  { value: 'cancelled', label: '注销' },
  { value: 'revoked', label: '吊销' },
]

export const ENTITY_KIND_OPTIONS: Option[] = [
  { value: 'individual', label: '个体工商户' },
  { value: 'enterprise', label: '企业' },
  { value: 'cooperative', label: '农民专业合作社' },
]

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

/** Tag colour from the Chinese status label, so unknown codes still look right. */
export function statusTagType(label: string | null | undefined): TagType {
  if (!label) return 'info'
  if (/存续|在业|正常|开业/.test(label)) return 'success'
  if (/吊销|异常|失信/.test(label)) return 'danger'
  if (/注销|迁出/.test(label)) return 'info'
  return 'warning'
}

export function mergeOptions(known: Option[], seen: Option[]): Option[] {
  const byValue = new Map(known.map((o) => [o.value, o]))
  for (const o of seen) if (o.value && !byValue.has(o.value)) byValue.set(o.value, o)
  return [...byValue.values()]
}
