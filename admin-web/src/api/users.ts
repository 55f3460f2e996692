import { http } from './request'
import type { Page, PageQuery, User, UserCreate, UserFilters, UserUpdate } from './types'

export const listUsers = (query: UserFilters & PageQuery) => http.get<Page<User>>('/users', { ...query })
export const createUser = (body: UserCreate) => http.post<User>('/users', body)
export const updateUser = (id: number, body: UserUpdate) => http.patch<User>(`/users/${id}`, body)
export const disableUser = (id: number) => http.post<User | null>(`/users/${id}/disable`)
export const enableUser = (id: number) => http.post<User | null>(`/users/${id}/enable`)
export const resetUserPassword = (id: number, password: string) => http.post<null>(`/users/${id}/reset-password`, { password })
