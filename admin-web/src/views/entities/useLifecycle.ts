// 全生命周期 of one business (docs/lifecycle.md): loaded once per opened business; the tabs and the
// timeline filter the events on the page.
import { computed, ref, watch, type Ref } from 'vue'
import { getLifecycle, type Lifecycle, type LifecycleEvent, type LifecycleKind } from '@/api/lifecycle'

export interface YearGroup {
  year: number
  events: LifecycleEvent[]
}

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

const KIND_TAGS: Record<LifecycleKind, TagType> = {
  registration: 'primary',
  permit: 'success',
  notice: 'info',
  penalty: 'danger',
  warning: 'warning',
  punishment: 'danger',
  inspection: 'primary',
  support: 'success',
  annual: 'info',
}

export const kindTagType = (kind: string): TagType => KIND_TAGS[kind as LifecycleKind] ?? 'info'

/** The timeline groups: one per year, newest first, keeping the API's order inside a year. */
export function groupByYear(events: LifecycleEvent[], year: number | null = null): YearGroup[] {
  const groups = new Map<number, LifecycleEvent[]>()
  for (const ev of events) {
    if (year != null && ev.year !== year) continue
    const list = groups.get(ev.year) ?? []
    list.push(ev)
    groups.set(ev.year, list)
  }
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([y, list]) => ({ year: y, events: list }))
}

export function eventsOfKind(events: LifecycleEvent[], kind: LifecycleKind): LifecycleEvent[] {
  return events.filter((ev) => ev.kind === kind)
}

export function useLifecycle(id: Ref<number | null>) {
  const data = ref<Lifecycle | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  /** The year picked in the 全生命周期 tab; null shows every year. */
  const year = ref<number | null>(null)

  async function load(value: number): Promise<void> {
    loading.value = true
    failed.value = false
    try {
      const result = await getLifecycle(value)
      if (id.value === value) data.value = result
    } catch {
      if (id.value === value) failed.value = true
    } finally {
      if (id.value === value) loading.value = false
    }
  }

  watch(
    id,
    (value) => {
      data.value = null
      year.value = null
      if (value != null) void load(value)
    },
    { immediate: true },
  )

  const events = computed(() => data.value?.events ?? [])
  const tabs = computed(() => data.value?.tabs ?? [])
  const years = computed(() => data.value?.years ?? [])
  const timeline = computed(() => groupByYear(events.value, year.value))
  const countOf = (kind: LifecycleKind) => tabs.value.find((t) => t.kind === kind)?.count ?? 0
  /** Whether the API reports this kind (联合惩戒 arrived later than the other tabs). */
  const hasKind = (kind: LifecycleKind) => tabs.value.some((t) => t.kind === kind)

  return { data, loading, failed, year, events, tabs, years, timeline, countOf, hasKind, reload: () => (id.value != null ? load(id.value) : Promise.resolve()) }
}
