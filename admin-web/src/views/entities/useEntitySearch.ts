import { computed, reactive, ref } from 'vue'
import { listEntities } from '@/api/entities'
import { listOrgs } from '@/api/orgs'
import type { Entity, EntityFilters, OrgNode } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { useSessionStore } from '@/stores/session'
import { ENTITY_KIND_OPTIONS, ENTITY_STATUS_OPTIONS, mergeOptions } from './options'

/** The search form of 企业搜索: the basic row and the collapsible 高级查询 panel. */
export interface EntitySearchForm {
  q: string
  uscc: string
  /** Several statuses may be picked (sent comma separated). */
  status: string[]
  kind: string
  reg_no: string
  operator: string
  industry: string
  address: string
  org_id: number | null
  this_level_only: boolean
  /** [from, to] as YYYY-MM-DD, or null. */
  established: [string, string] | null
  /** 资金数额 range in 万元 (either end may be open). */
  capital_min: number | null
  capital_max: number | null
  business_scope: string
}

export function blankEntitySearch(): EntitySearchForm {
  return {
    q: '',
    uscc: '',
    status: [],
    kind: '',
    reg_no: '',
    operator: '',
    industry: '',
    address: '',
    org_id: null,
    this_level_only: false,
    established: null,
    capital_min: null,
    capital_max: null,
    business_scope: '',
  }
}

/** The query of a form: only the filters that are set, trimmed; 仅本级 only with an authority. */
export function toEntityFilters(form: EntitySearchForm): EntityFilters {
  const text = (v: string) => v.trim() || undefined
  const out: EntityFilters = {
    q: text(form.q),
    uscc: text(form.uscc)?.toUpperCase(),
    status: form.status.length ? form.status.join(',') : undefined,
    kind: form.kind || undefined,
    reg_no: text(form.reg_no),
    operator: text(form.operator),
    industry: text(form.industry),
    address: text(form.address),
    org_id: form.org_id ?? undefined,
    this_level_only: form.org_id != null && form.this_level_only ? true : undefined,
    established_from: form.established?.[0] || undefined,
    established_to: form.established?.[1] || undefined,
    capital_min: form.capital_min ?? undefined,
    capital_max: form.capital_max ?? undefined,
    business_scope: text(form.business_scope),
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as EntityFilters
}

/** How many 高级查询 fields are set (shown on the collapsed panel's toggle). */
export function advancedCount(form: EntitySearchForm): number {
  return [
    form.reg_no.trim(),
    form.operator.trim(),
    form.industry.trim(),
    form.address.trim(),
    form.org_id,
    form.established,
    form.capital_min,
    form.capital_max,
    form.business_scope.trim(),
  ].filter(
    (v) => v !== '' && v != null,
  ).length
}

export function useEntitySearch() {
  const filters = reactive<EntitySearchForm>(blankEntitySearch())
  const advanced = ref(false)
  // The filters of the rows on screen: "加载更多" must continue the same search
  // even if the form was edited since.
  let applied: EntityFilters = {}
  const list = useCursorList<Entity>((page) => listEntities({ ...applied, ...page }))

  const statusOptions = computed(() =>
    mergeOptions(ENTITY_STATUS_OPTIONS, list.items.value.map((e) => ({ value: e.status, label: e.status_label }))),
  )
  const kindOptions = computed(() =>
    mergeOptions(ENTITY_KIND_OPTIONS, list.items.value.map((e) => ({ value: e.kind, label: e.kind_label }))),
  )
  const advancedSet = computed(() => advancedCount(filters))

  // 登记机关 picker: the org tree when readable, otherwise the user's own org.
  const orgs = ref<OrgNode[]>([])
  async function loadOrgs(): Promise<void> {
    const session = useSessionStore()
    if (session.hasPerm('org:read')) {
      orgs.value = await listOrgs().catch(() => [])
    } else if (session.me) {
      orgs.value = [{ ...session.me.org, children: [] } as OrgNode]
    }
  }

  function search(): Promise<void> {
    applied = toEntityFilters(filters)
    return list.reload()
  }

  function reset(): Promise<void> {
    Object.assign(filters, blankEntitySearch())
    return search()
  }

  const detailId = ref<number | null>(null)
  const openDetail = (row: Entity) => (detailId.value = row.id)

  return { filters, advanced, advancedSet, orgs, loadOrgs, ...list, statusOptions, kindOptions, search, reset, detailId, openDetail }
}
