// Follows one background job (an Excel / XML import): polls it until `isDone` says it
// has ended. Shared by 风险信息 and 信息归集 imports.
import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { ApiError } from '@/api/request'

export interface PolledJob {
  id: number
  status: string
}

export function useJobPoller<J extends PolledJob>(fetchJob: (id: number) => Promise<J>, isDone: (job: J) => boolean, intervalMs = 1000) {
  const job = shallowRef<J | null>(null)
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  let failures = 0

  function stop(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  function schedule(): void {
    stop()
    if (!job.value || isDone(job.value)) return
    timer = setTimeout(poll, intervalMs)
  }

  async function poll(): Promise<void> {
    timer = null
    const current = job.value
    if (!current) return
    try {
      const next = await fetchJob(current.id)
      if (job.value?.id !== current.id) return
      job.value = next
      error.value = null
      failures = 0
    } catch (failure) {
      // A blip should not end the progress display; three in a row do.
      failures += 1
      error.value = failure instanceof ApiError ? failure.message : '获取导入进度失败'
      if (failures >= 3) return
    }
    schedule()
  }

  function track(started: J): void {
    failures = 0
    error.value = null
    job.value = started
    schedule()
  }

  function clear(): void {
    stop()
    job.value = null
    error.value = null
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return { job, error, track, clear, stop }
}
