import { describe, expect, it } from 'vitest'
import type { Page, PageQuery } from '@/api/types'
import { useCursorList } from './useCursorList'

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('useCursorList', () => {
  it('appends the next page with the cursor and stops when next is null', async () => {
    const seen: PageQuery[] = []
    const list = useCursorList<number>(async (q) => {
      seen.push(q)
      return q.cursor ? { items: [3], next: null } : { items: [1, 2], next: 'c2' }
    }, 2)
    await list.reload()
    await list.loadMore()
    expect(list.items.value).toEqual([1, 2, 3])
    expect(list.next.value).toBeNull()
    expect(seen).toEqual([
      { cursor: null, limit: 2 },
      { cursor: 'c2', limit: 2 },
    ])
  })

  it('ignores a slow answer to an older search', async () => {
    const first = deferred<Page<string>>()
    const second = deferred<Page<string>>()
    const pending = [first, second]
    const list = useCursorList<string>(() => pending.shift()!.promise)
    const a = list.reload()
    const b = list.reload()
    second.resolve({ items: ['new'], next: null })
    first.resolve({ items: ['old'], next: 'x' })
    await Promise.all([a, b])
    expect(list.items.value).toEqual(['new'])
    expect(list.next.value).toBeNull()
  })
})

describe('useCursorList rows', () => {
  it('shows a created row first and does not repeat it when its page arrives', async () => {
    const list = useCursorList<{ id: number }>(async (q) =>
      q.cursor ? { items: [{ id: 3 }, { id: 9 }], next: null } : { items: [{ id: 1 }, { id: 2 }], next: 'c' },
    )
    await list.reload()
    list.prepend({ id: 9 })
    await list.loadMore()
    expect(list.items.value.map((r) => r.id)).toEqual([9, 1, 2, 3])
  })
})

describe('useCursorList errors', () => {
  it('keeps the message of a failed load for the error state and clears it on success', async () => {
    const { ApiError } = await import('@/api/request')
    let fail = true
    const list = useCursorList<number>(async () => {
      if (fail) throw new ApiError('FORBIDDEN', '无权限', 403)
      return { items: [1], next: null }
    })
    await list.reload()
    expect(list.error.value).toBe('无权限')
    expect(list.items.value).toEqual([])
    fail = false
    await list.reload()
    expect(list.error.value).toBeNull()
    expect(list.items.value).toEqual([1])
  })
})
