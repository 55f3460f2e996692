// 系统: the org tree (filter in the browser: it is one tree), roles with their permission codes (defined in
// code, read-only), and the audit log (server filters, keyset).
import { computed, reactive, ref, shallowRef } from 'vue'
import { listAuditLogs, listTargetTypes, type AuditQuery, type TargetType } from '@/api/audit'
import { listOrgs, listRoles } from '@/api/orgs'
import { ApiError } from '@/api/request'
import { listUsers } from '@/api/users'
import type { AuditLog, OrgNode, Role, User } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

/** Chinese names of the permission codes (the API sends codes only). */
export const PERMISSION_LABELS: Record<string, string> = {
  'entity:read': '查看主体库',
  'entity:write': '维护主体库',
  'org:read': '查看机构',
  'user:read': '查看用户',
  'user:write': '管理用户',
  'audit:read': '查看审计日志',
  'institution:read': '查看金融机构',
  'appeal:desk': '诉求受理',
  'appeal:handle': '诉求承办',
  'appeal:supervise': '诉求督办',
  'appeal:stats': '诉求统计',
  'credit:accept': '信用修复经办',
  'credit:review': '信用修复审核',
  'credit:approve': '信用修复审批',
  'content:edit': '内容编辑（资讯、法规、政策、免申即享）',
  'party:manage': '党建管理',
  'inspection:execute': '双随机检查执行',
  'inspection:plan': '双随机计划',
  'inspection:review': '双随机审核',
  'inspector:manage': '执法人员管理',
  'data:import': '数据归集导入',
  'registration:review': '登记审核',
  'loan:handle': '贷款申请办理',
  'loan:manage': '金融机构与产品管理',
  'risk:manage': '风险信息维护',
  'recognition:review': '名特优新审核',
  'home:manage': '首页应用管理',
  'annual:manage': '年报管理',
  'notice:manage': '双告知管理（规则、部门、告知查询）',
  'notice:receive': '部门接收（双告知、联合惩戒）',
  'punishment:manage': '联合惩戒管理',
}


/** Keep the nodes whose name or region code matches, with the path down to them. */
export function filterTree(nodes: OrgNode[], keyword: string): OrgNode[] {
  const k = keyword.trim()
  if (!k) return nodes
  const out: OrgNode[] = []
  for (const node of nodes) {
    const children = filterTree(node.children ?? [], k)
    if (node.name.includes(k) || node.region_code.startsWith(k) || children.length) out.push({ ...node, children })
  }
  return out
}

export function countOrgs(nodes: OrgNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countOrgs(node.children ?? []), 0)
}

export function useOrgTree() {
  const tree = shallowRef<OrgNode[]>([])
  const keyword = ref('')
  const loading = ref(false)
  const error = ref<string | null>(null)
  async function load(): Promise<void> {
    loading.value = true
    try {
      tree.value = await listOrgs()
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }
  const shown = computed(() => filterTree(tree.value, keyword.value))
  const total = computed(() => countOrgs(tree.value))
  return { tree, keyword, loading, error, load, shown, total }
}

export function useRoles() {
  const roles = ref<Role[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  async function load(): Promise<void> {
    loading.value = true
    try {
      roles.value = await listRoles()
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }
  return { roles, loading, error, load }
}

/** Field-by-field change of an audit row: what was, what became. */
export function auditDiff(log: Pick<AuditLog, 'before' | 'after'>): { field: string; before: string; after: string }[] {
  const keys = new Set([...Object.keys(log.before ?? {}), ...Object.keys(log.after ?? {})])
  const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v))
  return [...keys]
    .map((field) => ({ field, before: show(log.before?.[field]), after: show(log.after?.[field]) }))
    .filter((row) => !log.before || !log.after || row.before !== row.after)
}

export function useAuditLogs() {
  const filters = reactive<{ actor_id: number | null; target_type: string; action: string; target_id: string; dates: [string, string] | null }>({
    actor_id: null,
    target_type: '',
    action: '',
    target_id: '',
    dates: null,
  })
  let applied: AuditQuery = {}
  const list = useCursorList<AuditLog>((page) => listAuditLogs({ ...applied, ...page }), 30)
  function search(): Promise<void> {
    const action = filters.action.trim()
    applied = {
      actor_id: filters.actor_id ?? undefined,
      target_type: filters.target_type || undefined,
      target_id: filters.target_id.trim() || undefined,
      action: action || undefined,
      date_from: filters.dates?.[0] || undefined,
      date_to: filters.dates?.[1] || undefined,
    }
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(filters, { actor_id: null, target_type: '', action: '', target_id: '', dates: null })
    return search()
  }
  /** The audited object types with their Chinese names, from the API (one list for the filter and the table). */
  const targetTypes = ref<TargetType[]>([])
  async function loadTargetTypes(): Promise<void> {
    try {
      targetTypes.value = await listTargetTypes()
    } catch {
      targetTypes.value = []
    }
  }
  const typeLabel = (t: string) => targetTypes.value.find((x) => x.value === t)?.label ?? t
  const users = ref<User[]>([])
  const usersLoading = ref(false)
  async function findUsers(q: string): Promise<void> {
    usersLoading.value = true
    try {
      users.value = (await listUsers({ q: q.trim() || undefined, limit: 20 })).items
    } catch {
      users.value = []
    } finally {
      usersLoading.value = false
    }
  }
  return { filters, ...list, search, reset, users, usersLoading, findUsers, targetTypes, loadTargetTypes, typeLabel }
}
