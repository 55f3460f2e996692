// Org tree, roles and institutions for pickers; loaded once per page.
import { ref } from 'vue'
import { listInstitutions, listOrgs, listRoles } from '@/api/orgs'
import type { Institution, OrgNode, Role } from '@/api/types'
import { useSessionStore } from '@/stores/session'

export const ORG_TREE_PROPS = { label: 'name', children: 'children', value: 'id' }

export function useOrgOptions() {
  const session = useSessionStore()
  const orgs = ref<OrgNode[]>([])
  const roles = ref<Role[]>([])
  const institutions = ref<Institution[]>([])

  async function load(): Promise<void> {
    const tasks: Promise<unknown>[] = [listRoles().then((r) => (roles.value = r))]
    // Without org:read the tree is not readable: offer the user's own org only.
    if (session.hasPerm('org:read')) tasks.push(listOrgs().then((r) => (orgs.value = r)))
    else if (session.me) orgs.value = [{ ...session.me.org, children: [] }]
    if (session.hasPerm('institution:read')) {
      tasks.push(listInstitutions().then((r) => (institutions.value = r)))
    }
    await Promise.allSettled(tasks)
  }

  return { orgs, roles, institutions, load }
}
