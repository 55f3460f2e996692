import { http } from './request'
import type { Entity, EntityFilters, LicenseQr, Page, PageQuery } from './types'

export const listEntities = (query: EntityFilters & PageQuery) => http.get<Page<Entity>>('/entities', { ...query })
export const getEntity = (id: number) => http.get<Entity>(`/entities/${id}`)
export const getLicenseQr = (id: number) => http.get<LicenseQr>(`/entities/${id}/license-qr`)
