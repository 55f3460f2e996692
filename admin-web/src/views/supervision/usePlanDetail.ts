// One 抽查方案 after the wizard: 核准, 抽取 (seed, algorithm, fingerprint, per-authority quotas), 名单确认,
// 人员选派 (teams, unmatched businesses), 调整 and the drawn businesses with their state.
import { computed, reactive, ref, shallowRef } from 'vue'
import {
  adjustInspector,
  approvePlan,
  assignInspectors,
  confirmTargets,
  drawPlan,
  exportTargets,
  finishConfirm,
  getPlan,
  listInspectors,
  listTargets,
  listTeams,
  previewPlan,
  rejectPlan,
  setMustCheck,
  verifyDraw,
  type DrawVerify,
  type InspectionPlanDetail,
  type Inspector,
  type PlanTarget,
  type PreviewGroup,
  type ResultStatus,
  type TargetFilters,
  type Team,
} from '@/api/inspections'
import { listOrgs } from '@/api/orgs'
import { ApiError, notifyError } from '@/api/request'
import type { OrgNode } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { parseCodes } from './usePlanForm'

export interface QuotaRow {
  org_id: number
  org_name: string
  candidates: number
  quota: number
}

/** The draw's per-authority {org_id: [candidates, quota]} as rows, largest authority first. */
export function quotaRows(quotas: Record<string, [number, number]> | undefined, names: Map<number, string>): QuotaRow[] {
  return Object.entries(quotas ?? {})
    .map(([id, [candidates, quota]]) => ({ org_id: Number(id), org_name: names.get(Number(id)) ?? `机构 ${id}`, candidates, quota }))
    .sort((a, b) => b.candidates - a.candidates || a.org_id - b.org_id)
}

export function orgNames(nodes: OrgNode[], into = new Map<number, string>()): Map<number, string> {
  for (const node of nodes) {
    into.set(node.id, node.name)
    orgNames(node.children ?? [], into)
  }
  return into
}

/** A draw seed typed by the user: digits only, below 2^62; empty means a fresh random seed. */
export function seedProblem(seed: string): string | null {
  const s = seed.trim()
  if (!s) return null
  if (!/^\d+$/.test(s)) return '随机种子须为非负整数'
  if (BigInt(s) >= 2n ** 62n) return '随机种子须小于 2^62'
  return null
}

export interface TargetSearch {
  confirm: TargetFilters['confirm'] | ''
  result_status: ResultStatus | ''
  name: string
}

export function toTargetFilters(form: TargetSearch): TargetFilters {
  const out: TargetFilters = {}
  if (form.confirm) out.confirm = form.confirm
  if (form.result_status) out.result_status = form.result_status
  if (form.name.trim()) out.name = form.name.trim()
  return out
}

export const inspectorLabel = (i: Pick<Inspector, 'name' | 'org_name'>) => `${i.name}（${i.org_name ?? '—'}）`

export function usePlanDetail(planId: () => number) {
  const plan = shallowRef<InspectionPlanDetail | null>(null)
  const loading = ref(false)
  const busy = ref(false)
  const names = shallowRef(new Map<number, string>())
  const teams = shallowRef<Team[]>([])
  const pool = shallowRef<Inspector[]>([])
  const verify = shallowRef<DrawVerify | null>(null)
  const preview = shallowRef<{ candidate_count: number; quota_total: number; groups: PreviewGroup[] } | null>(null)
  const unmatched = shallowRef<PlanTarget[]>([])
  const search = reactive<TargetSearch>({ confirm: '', result_status: '', name: '' })
  let applied: TargetFilters = {}
  const targets = useCursorList<PlanTarget>((page) => listTargets(planId(), { ...applied, ...page }), 50)
  const quotas = computed(() => quotaRows(plan.value?.draw?.quotas, names.value))
  const can = (action: string) => !!plan.value?.actions.includes(action)
  const drawn = computed(() => !!plan.value?.draw)

  async function load(): Promise<void> {
    loading.value = true
    try {
      plan.value = await getPlan(planId())
      if (!names.value.size) {
        listOrgs()
          .then((tree) => (names.value = orgNames(tree)))
          .catch(() => undefined)
      }
      if (plan.value.draw) await Promise.all([reloadTargets(), reloadTeams()])
    } finally {
      loading.value = false
    }
  }
  function reloadTargets(): Promise<void> {
    applied = toTargetFilters(search)
    return targets.reload()
  }
  async function reloadTeams(): Promise<void> {
    if (plan.value && ['assigned'].includes(plan.value.status)) teams.value = await listTeams(planId())
    else teams.value = []
  }
  /** Active pool members (first 100, or those whose name matches). */
  async function loadPool(name = ''): Promise<void> {
    try {
      pool.value = (await listInspectors({ status: 'active', name: name.trim() || undefined, limit: 100 })).items
    } catch {
      pool.value = []
    }
  }

  /** Runs one write, then reloads the plan and its lists; false when it failed (message already shown). */
  async function run(write: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    try {
      await write()
      await load()
      return true
    } catch {
      return false
    } finally {
      busy.value = false
    }
  }

  const approve = (comment: string) => run(() => approvePlan(planId(), comment))
  const reject = (comment: string) => run(() => rejectPlan(planId(), comment))
  const draw = (seed: string) => run(() => drawPlan(planId(), seed.trim() || null))
  const confirm = (ids: number[], decision: 'check' | 'skip') => run(() => confirmTargets(planId(), ids, decision))
  const finish = () => run(() => finishConfirm(planId()))
  async function mustCheck(text: string): Promise<boolean> {
    return run(async () => {
      try {
        await setMustCheck(planId(), parseCodes(text))
      } catch (error) {
        if (error instanceof ApiError && error.code === 'INSPECTION_BUSINESSES_NOT_FOUND') {
          const codes = ((error.data as { codes?: string[] } | null)?.codes ?? []).join('、')
          notifyError(new ApiError(error.code, `${error.message}：${codes}`, error.status))
        } else notifyError(error)
        throw error
      }
    })
  }
  async function assign(inspectorIds: number[]): Promise<boolean> {
    return run(async () => {
      const reply = await assignInspectors(planId(), inspectorIds)
      unmatched.value = reply.unmatched
    })
  }
  async function adjust(from: number, to: number, reason: string): Promise<boolean> {
    return run(async () => {
      try {
        await adjustInspector(planId(), { from_inspector_id: from, to_inspector_id: to, reason })
      } catch (error) {
        if (error instanceof ApiError && error.code === 'INSPECTION_ADJUST_INVALID') {
          const problems = ((error.data as { problems?: { reason: string }[] } | null)?.problems ?? []).map((p) => p.reason)
          notifyError(new ApiError(error.code, [error.message, ...new Set(problems)].join('：'), error.status))
        } else notifyError(error)
        throw error
      }
    })
  }
  /** 样本查看: candidates and quotas per authority before the draw. */
  async function loadPreview(): Promise<void> {
    preview.value = null
    try {
      preview.value = await previewPlan(planId())
    } catch {
      // shown by the request client
    }
  }
  async function checkDraw(): Promise<void> {
    busy.value = true
    try {
      verify.value = await verifyDraw(planId())
    } catch {
      // shown by the request client
    } finally {
      busy.value = false
    }
  }
  async function exportList(): Promise<void> {
    try {
      await exportTargets(planId(), applied)
    } catch {
      // shown by the request client
    }
  }

  return {
    plan,
    loading,
    busy,
    teams,
    pool,
    verify,
    preview,
    loadPreview,
    unmatched,
    quotas,
    search,
    targets,
    can,
    drawn,
    load,
    loadPool,
    reloadTargets,
    approve,
    reject,
    draw,
    confirm,
    finish,
    mustCheck,
    assign,
    adjust,
    checkDraw,
    exportList,
  }
}
