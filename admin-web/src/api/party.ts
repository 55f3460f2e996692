import { downloadFile, fetchFile, http } from './request'
import type { Page, PageQuery, PartyActivity, PartyActivityBody, PartySignup, PartyStory, PartyStoryBody, VolunteerRecord } from './types'

export const listActivities = (query: { status?: string; q?: string } & PageQuery) => http.get<Page<PartyActivity>>('/party/activities', { ...query })
export const getActivity = (id: number) => http.get<PartyActivity>(`/party/activities/${id}`)
export const createActivity = (body: PartyActivityBody) => http.post<PartyActivity>('/party/activities', body)
export const updateActivity = (id: number, body: Partial<PartyActivityBody>) => http.patch<PartyActivity>(`/party/activities/${id}`, body)
export const deleteActivity = (id: number) => http.delete<null>(`/party/activities/${id}`)
export const publishActivity = (id: number) => http.post<PartyActivity>(`/party/activities/${id}/publish`)
export const cancelActivity = (id: number, reason: string) => http.post<PartyActivity>(`/party/activities/${id}/cancel`, { reason })
/** The check-in QR PNG (bearer token, so not a plain <img src>). */
export const fetchActivityQr = (id: number) => fetchFile(`/party/activities/${id}/qr`)
export const listSignups = (id: number, query: { checked_in?: boolean } & PageQuery) =>
  http.get<Page<PartySignup> & { summary: { signed_up: number; checked_in: number; capacity: number } }>(`/party/activities/${id}/signups`, { ...query })
export const exportSignups = (a: { id: number; title: string }) => downloadFile(`/party/activities/${a.id}/signups/export`, `${a.title}-报名签到.xlsx`)

export const listVolunteerRecords = (query: { business_id?: number; date_from?: string; date_to?: string } & PageQuery) =>
  http.get<Page<VolunteerRecord>>('/party/volunteer-records', { ...query })
export const exportVolunteerRecords = (query: { date_from?: string; date_to?: string }) =>
  downloadFile('/party/volunteer-records/export', '志愿服务记录.xlsx', { ...query })
export const downloadVolunteerPhoto = (url: string, name: string) => downloadFile(url, name)

export const listStories = (query: { status?: string; q?: string } & PageQuery) => http.get<Page<PartyStory>>('/party/stories', { ...query })
export const getStory = (id: number) => http.get<PartyStory>(`/party/stories/${id}`)
export const createStory = (body: PartyStoryBody) => http.post<PartyStory>('/party/stories', body)
export const updateStory = (id: number, body: Partial<PartyStoryBody>) => http.patch<PartyStory>(`/party/stories/${id}`, body)
export const deleteStory = (id: number) => http.delete<null>(`/party/stories/${id}`)
export const publishStory = (id: number) => http.post<PartyStory>(`/party/stories/${id}/publish`)
export const withdrawStory = (id: number) => http.post<PartyStory>(`/party/stories/${id}/withdraw`)
