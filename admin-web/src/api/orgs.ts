import { http } from './request'
import type { Institution, OrgNode, Role } from './types'

export const listOrgs = () => http.get<OrgNode[]>('/orgs')
export const listRoles = () => http.get<Role[]>('/roles')
export const listInstitutions = () => http.get<Institution[]>('/institutions')
