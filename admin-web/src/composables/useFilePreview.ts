// Shows an API file (PDF or image) fetched with the bearer token in a dialog, or saves it.
// The file is held as an object URL while the dialog is open and released on close.
import { ref, shallowRef } from 'vue'
import { saveBlob, type DownloadedFile } from '@/api/request'

export type PreviewKind = 'pdf' | 'image' | 'other'

export function previewKind(type: string): PreviewKind {
  if (type.includes('pdf')) return 'pdf'
  if (type.startsWith('image/')) return 'image'
  return 'other'
}

export function useFilePreview() {
  const visible = ref(false)
  const title = ref('')
  const url = ref<string | null>(null)
  const kind = ref<PreviewKind>('other')
  const loading = ref(false)
  const current = shallowRef<{ file: DownloadedFile; name: string } | null>(null)

  function release(): void {
    if (url.value) URL.revokeObjectURL(url.value)
    url.value = null
    current.value = null
  }

  /** Fetch and show; false when the request failed (the client has shown the message). */
  async function open(name: string, fetcher: () => Promise<DownloadedFile>): Promise<boolean> {
    release()
    title.value = name
    loading.value = true
    visible.value = true
    try {
      const file = await fetcher()
      current.value = { file, name: file.filename || name }
      kind.value = previewKind(file.blob.type)
      url.value = URL.createObjectURL(file.blob)
      return true
    } catch {
      visible.value = false
      return false
    } finally {
      loading.value = false
    }
  }

  /** Save the file on show (or fetch it first). */
  async function download(name?: string, fetcher?: () => Promise<DownloadedFile>): Promise<void> {
    if (fetcher) {
      try {
        const file = await fetcher()
        saveBlob(file.blob, file.filename || name || 'file')
      } catch {
        // shown by the request client
      }
      return
    }
    if (current.value) saveBlob(current.value.file.blob, current.value.name)
  }

  function close(): void {
    visible.value = false
    release()
  }

  return { visible, title, url, kind, loading, open, download, close }
}

export type FilePreview = ReturnType<typeof useFilePreview>
