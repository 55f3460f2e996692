import { downloadFile, http } from './request'
import type {
  Page,
  PageQuery,
  RecognitionApplication,
  RecognitionApplicationDetail,
  RecognitionNotice,
  RecognitionNoticeBody,
  RecognitionOptions,
} from './types'

export const getRecognitionOptions = () => http.get<RecognitionOptions>('/recognition/options')
export const listNotices = (query: { status?: string; q?: string } & PageQuery) => http.get<Page<RecognitionNotice>>('/recognition/notices', { ...query })
export const getNotice = (id: number) => http.get<RecognitionNotice>(`/recognition/notices/${id}`)
export const createNotice = (body: RecognitionNoticeBody) => http.post<RecognitionNotice>('/recognition/notices', body)
export const updateNotice = (id: number, body: Partial<RecognitionNoticeBody>) => http.patch<RecognitionNotice>(`/recognition/notices/${id}`, body)
export const deleteNotice = (id: number) => http.delete<null>(`/recognition/notices/${id}`)
export const noticeAction = (id: number, action: 'publish' | 'close' | 'withdraw') => http.post<RecognitionNotice>(`/recognition/notices/${id}/${action}`)

export const listRecognitionApplications = (query: { notice_id?: number; category?: string; status?: string; q?: string } & PageQuery) =>
  http.get<Page<RecognitionApplication>>('/recognition/applications', { ...query })
export const getRecognitionApplication = (id: number) => http.get<RecognitionApplicationDetail>(`/recognition/applications/${id}`)
export const reviewRecognition = (id: number, action: string, body: { comment?: string; reason?: string }) =>
  http.post<RecognitionApplicationDetail>(`/recognition/applications/${id}/${action}`, body)
export const downloadRecognitionFile = (url: string, name: string) => downloadFile(url, name)
