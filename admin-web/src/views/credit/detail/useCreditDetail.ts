// One credit-repair application: load, the action dialog, the decision letter and material downloads.
import { computed, ref, shallowRef } from 'vue'
import { downloadCreditFile, downloadDecisionLetter, getCreditApplication } from '@/api/credit'
import { ApiError } from '@/api/request'
import type { CreditApplicationDetail, CreditMaterial } from '@/api/types'
import { creditProgress } from '../creditShared'

export function useCreditDetail(id: () => number) {
  const app = shallowRef<CreditApplicationDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** The application left this office (transferred): nothing more to show. */
  const gone = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      app.value = await getCreditApplication(id())
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure
      error.value = failure.message
    } finally {
      loading.value = false
    }
  }

  const progress = computed(() => (app.value ? creditProgress(app.value) : null))
  const action = ref<string | null>(null)

  function onActed(result: CreditApplicationDetail | { transferred: true }): void {
    if ('transferred' in result) {
      gone.value = true
      app.value = null
      return
    }
    app.value = result
  }

  const downloading = ref(false)
  async function downloadLetter(): Promise<void> {
    if (!app.value) return
    downloading.value = true
    try {
      await downloadDecisionLetter(app.value)
    } catch {
      // shown by the request client
    } finally {
      downloading.value = false
    }
  }

  function downloadMaterial(m: CreditMaterial): Promise<void> {
    return app.value ? downloadCreditFile(app.value.id, m.file_id, m.name).catch(() => undefined) : Promise.resolve()
  }

  return { app, loading, error, gone, load, progress, action, onActed, downloading, downloadLetter, downloadMaterial }
}
