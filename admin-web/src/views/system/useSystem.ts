// 系统: the org tree (filter in the browser: it is one tree), roles with their permission codes (defined in
// code, read-only), and the audit log (server filters, keyset).
import { computed, reactive, ref, shallowRef } from 'vue'
import { listAuditLogs } from '@/api/audit'
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
  'notice:manage': '通知管理',
  'notice:receive': '接收通知',
}

export const TARGET_TYPES = [
  { value: 'user', label: '用户' },
  { value: 'appeal', label: '诉求' },
  { value: 'credit_application', label: '信用修复申请' },
  { value: 'listing', label: '列入名单' },
  { value: 'penalty', label: '行政处罚' },
  { value: 'article', label: '资讯 / 法规' },
  { value: 'policy', label: '政策' },
  { value: 'benefit', label: '免申即享' },
  { value: 'loan_application', label: '贷款申请' },
  { value: 'loan_product', label: '贷款产品' },
  { value: 'loan_institution', label: '金融机构' },
  { value: 'recognition_notice', label: '认定公告' },
  { value: 'recognition_application', label: '名特优新申请' },
  { value: 'party_activity', label: '党员活动' },
  { value: 'party_story', label: '先进事迹' },
]

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
  const filters = reactive<{ actor_id: number | null; target_type: string }>({ actor_id: null, target_type: '' })
  let applied: { actor_id?: number; target_type?: string } = {}
  const list = useCursorList<AuditLog>((page) => listAuditLogs({ ...applied, ...page }), 30)
  function search(): Promise<void> {
    applied = { actor_id: filters.actor_id ?? undefined, target_type: filters.target_type || undefined }
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(filters, { actor_id: null, target_type: '' })
    return search()
  }
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
  return { filters, ...list, search, reset, users, usersLoading, findUsers }
}
