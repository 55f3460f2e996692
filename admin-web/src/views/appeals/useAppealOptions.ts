// The appeal types, departments and statuses offered by the API; loaded once per app.
import { ref } from 'vue'
import { getAppealOptions } from '@/api/appeals'
import type { AppealOptions } from '@/api/types'

const options = ref<AppealOptions | null>(null)
let pending: Promise<void> | null = null

export function useAppealOptions() {
  function load(): Promise<void> {
    if (options.value) return Promise.resolve()
    pending ??= getAppealOptions()
      .then((o) => {
        options.value = o
      })
      .catch(() => undefined)
      .finally(() => {
        pending = null
      })
    return pending
  }
  return { options, load }
}
