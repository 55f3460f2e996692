// Keyset ("加载更多") list state over a `{items, next}` page endpoint.
import { ref, shallowRef, type Ref } from 'vue'
import { ApiError } from '@/api/request'
import type { Page, PageQuery } from '@/api/types'

export interface CursorList<T> {
  items: Ref<T[]>
  next: Ref<string | null>
  loading: Ref<boolean>
  loaded: Ref<boolean>
  /** Message of the last failed load (already shown once by the client); null after a success. */
  error: Ref<string | null>
  /** Start over from the first page (new filters). */
  reload: () => Promise<void>
  /** Append the page after the `next` cursor. */
  loadMore: () => Promise<void>
  /** Swap one row in place (after an edit) without reloading. */
  replace: (match: (item: T) => boolean, next: T) => void
  /** Show a row just created at the top, wherever the list order would put it. */
  prepend: (item: T) => void
}

export function useCursorList<T>(
  fetchPage: (page: PageQuery) => Promise<Page<T>>,
  limit = 20,
  keyOf: (item: T) => unknown = (item) => (typeof item === 'object' && item !== null ? ((item as { id?: unknown }).id ?? item) : item),
): CursorList<T> {
  const items = shallowRef<T[]>([])
  const next = ref<string | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  // Only the latest request may write: a slow first page must not land after a new search.
  let generation = 0

  async function run(cursor: string | null, append: boolean): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const page = await fetchPage({ cursor, limit })
      if (mine !== generation) return
      if (append) {
        // A prepended row may come again on its own page: keep the first copy.
        const seen = new Set(items.value.map(keyOf))
        items.value = [...items.value, ...page.items.filter((item) => !seen.has(keyOf(item)))]
      } else {
        items.value = page.items
      }
      next.value = page.next ?? null
      loaded.value = true
      error.value = null
    } catch (failure) {
      // The request client has already shown the message; keep the rows we have.
      if (!(failure instanceof ApiError)) throw failure
      if (mine === generation) error.value = failure.message
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return {
    items,
    next,
    loading,
    loaded,
    error,
    reload: () => run(null, false),
    loadMore: () => (next.value ? run(next.value, true) : Promise.resolve()),
    replace: (match, replacement) => {
      items.value = items.value.map((item) => (match(item) ? replacement : item))
    },
    prepend: (item) => {
      items.value = [item, ...items.value.filter((other) => keyOf(other) !== keyOf(item))]
    },
  }
}
