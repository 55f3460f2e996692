import { afterEach, describe, expect, it, vi } from 'vitest'
import { previewKind, useFilePreview } from './useFilePreview'

describe('useFilePreview', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('knows a PDF and an image by the content type', () => {
    expect(previewKind('application/pdf')).toBe('pdf')
    expect(previewKind('image/png')).toBe('image')
    expect(previewKind('application/zip')).toBe('other')
  })

  it('holds an object URL while open and releases it on close', async () => {
    const create = vi.fn(() => 'blob:1')
    const revoke = vi.fn()
    vi.stubGlobal('URL', { ...URL, createObjectURL: create, revokeObjectURL: revoke })
    const preview = useFilePreview()
    const ok = await preview.open('申请书', async () => ({ blob: new Blob(['%PDF'], { type: 'application/pdf' }), filename: 'a.pdf' }))
    expect(ok).toBe(true)
    expect(preview.visible.value).toBe(true)
    expect(preview.kind.value).toBe('pdf')
    expect(preview.url.value).toBe('blob:1')
    preview.close()
    expect(revoke).toHaveBeenCalledWith('blob:1')
    expect(preview.url.value).toBeNull()
  })

  it('closes again when the file cannot be fetched', async () => {
    const preview = useFilePreview()
    const ok = await preview.open('x', async () => {
      throw new Error('404')
    })
    expect(ok).toBe(false)
    expect(preview.visible.value).toBe(false)
  })
})
