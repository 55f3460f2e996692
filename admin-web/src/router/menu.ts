// Sidebar menu derived from the route table and the user's permission codes.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'

export interface MenuItem {
  /** Route name for leaves; the group title for groups. */
  key: string
  title: string
  icon?: Component
  path?: string
  children?: MenuItem[]
}

export function buildMenu(
  records: RouteRecordRaw[],
  hasPerm: (code?: string | string[]) => boolean,
  groupIcons: Record<string, Component> = {},
): MenuItem[] {
  const menu: MenuItem[] = []
  const groups = new Map<string, MenuItem>()
  for (const record of records) {
    const meta = record.meta
    if (!meta?.menu || !hasPerm(meta.perm)) continue
    const leaf: MenuItem = {
      key: String(record.name ?? record.path),
      title: meta.title ?? '',
      icon: meta.icon,
      path: `/${record.path}`,
    }
    if (!meta.group) {
      menu.push(leaf)
      continue
    }
    let group = groups.get(meta.group)
    if (!group) {
      group = { key: `group:${meta.group}`, title: meta.group, icon: groupIcons[meta.group] ?? meta.icon, children: [] }
      groups.set(meta.group, group)
      menu.push(group)
    }
    group.children!.push(leaf)
  }
  return menu
}
