import { computed, ref, shallowRef } from 'vue'
import { downloadAppealFile, getAppeal } from '@/api/appeals'
import { ApiError } from '@/api/request'
import type { AppealDetail, AppealFile } from '@/api/types'
import { useOrgOptions } from '@/composables/useOrgOptions'
import { useSessionStore } from '@/stores/session'
import { ACTION_PERMS } from '../dueBadge'
import { useAppealOptions } from '../useAppealOptions'

/** The actions the API offers for this caller, in workflow order, filtered by the caller's permission codes. */
export function offeredActions(allowed: readonly string[], hasPerm: (code: string) => boolean): string[] {
  const order = ['accept', 'transfer', 'reply_out_of_scope', 'report', 'send_back', 'reply', 'supervise']
  return order.filter((a) => allowed.includes(a) && hasPerm(ACTION_PERMS[a] ?? a))
}

/** Files a unit sent with its reports (what the desk may pass on in its reply). */
export function evidenceOf(appeal: AppealDetail | null): AppealFile[] {
  if (!appeal) return []
  const seen = new Set<number>()
  const files: AppealFile[] = []
  for (const event of appeal.timeline) {
    if (event.action !== 'report') continue
    for (const file of event.files) {
      if (!seen.has(file.id)) {
        seen.add(file.id)
        files.push(file)
      }
    }
  }
  return files
}

export function useAppealDetail(id: () => number) {
  const session = useSessionStore()
  const appeal = shallowRef<AppealDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const action = ref<string | null>(null)
  const { options, load: loadOptions } = useAppealOptions()
  const { orgs, load: loadOrgs } = useOrgOptions()

  async function load(): Promise<void> {
    loading.value = true
    try {
      appeal.value = await getAppeal(id())
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  const actions = computed(() => offeredActions(appeal.value?.allowed_actions ?? [], (c) => session.hasPerm(c)))
  const evidence = computed(() => evidenceOf(appeal.value))

  function open(name: string): void {
    if (name === 'transfer' && !orgs.value.length) void loadOrgs()
    if (name === 'accept') void loadOptions()
    action.value = name
  }

  const onDone = (updated: AppealDetail) => {
    appeal.value = updated
  }

  async function download(file: AppealFile): Promise<void> {
    try {
      await downloadAppealFile(file.url, file.name)
    } catch {
      // shown by the request client
    }
  }

  return { appeal, loading, error, load, loadOptions, options, orgs, actions, evidence, action, open, onDone, download }
}
