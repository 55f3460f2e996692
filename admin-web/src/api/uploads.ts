import { http } from './request'
import type { UploadedFile } from './types'

/** Store a file for a later action (evidence, reply attachments); the API checks its type by content. */
export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData()
  form.append('file', file)
  return http.post<UploadedFile>('/uploads', form)
}
