import { describe, expect, it, vi } from 'vitest'

const del = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: (path: string, opts: unknown) => del(path, opts) },
}))
const { ApiError } = await import('@/api/request')
const { deleteCollectionRecord } = await import('@/api/collection')

describe('deleteCollectionRecord', () => {
  it('deletes silently and passes a 409 on', async () => {
    del.mockResolvedValueOnce(null)
    await expect(deleteCollectionRecord(3)).resolves.toBeNull()
    expect(del).toHaveBeenCalledWith('/collection/records/3', { silent: true })
    del.mockRejectedValueOnce(new ApiError('COLLECTION_RECORD_MATCHED', '已记名成功的信息不能删除', 409))
    await expect(deleteCollectionRecord(4)).rejects.toMatchObject({ status: 409 })
  })
})
