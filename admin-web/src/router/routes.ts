// The route table. A route's `perm` guards both its menu item and navigation to it,
// using the permission codes the API returns in /me.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { ChatLineSquare, DataAnalysis, House, OfficeBuilding, Setting, User, Warning, WarningFilled } from '@element-plus/icons-vue'
import AppLayout from '@/components/layout/AppLayout.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: Component
    /** Permission code needed to open the page (and to see its menu item); a list means any of them. */
    perm?: string | string[]
    /** Reachable without signing in. */
    public?: boolean
    /** Shown in the sidebar. */
    menu?: boolean
    /** Sidebar group title; items sharing it are nested under one sub-menu. */
    group?: string
    /** Menu item to highlight for a page that has none of its own (a detail page). */
    activeMenu?: string
  }
}

/** Icons of the sidebar groups named by `meta.group`. */
export const MENU_GROUP_ICONS: Record<string, Component> = { 诉求管理: ChatLineSquare, 系统管理: Setting }

/** Any appeal role sees the queue (the API scopes what each one sees). */
const APPEAL_VIEW = ['appeal:desk', 'appeal:handle', 'appeal:supervise', 'appeal:stats']

export const appChildren: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/DashboardView.vue'),
    meta: { title: '工作台', icon: House, menu: true },
  },
  {
    path: 'entities',
    name: 'entities',
    component: () => import('@/views/entities/EntityListView.vue'),
    meta: { title: '主体库', icon: OfficeBuilding, perm: 'entity:read', menu: true },
  },
  {
    path: 'appeals',
    name: 'appeals',
    component: () => import('@/views/appeals/queue/AppealQueueView.vue'),
    meta: { title: '诉求办理', icon: ChatLineSquare, perm: APPEAL_VIEW, menu: true, group: '诉求管理' },
  },
  {
    path: 'appeals/:id(\\d+)',
    name: 'appeal-detail',
    component: () => import('@/views/appeals/detail/AppealDetailView.vue'),
    meta: { title: '诉求详情', perm: APPEAL_VIEW, group: '诉求管理', activeMenu: '/appeals' },
  },
  {
    path: 'appeals/overdue',
    name: 'appeal-overdue',
    component: () => import('@/views/appeals/supervise/AppealOverdueView.vue'),
    meta: { title: '超期督办', icon: WarningFilled, perm: 'appeal:supervise', menu: true, group: '诉求管理' },
  },
  {
    path: 'appeals/stats',
    name: 'appeal-stats',
    component: () => import('@/views/appeals/stats/AppealStatsView.vue'),
    meta: { title: '诉求统计', icon: DataAnalysis, perm: 'appeal:stats', menu: true, group: '诉求管理' },
  },
  {
    path: 'risk',
    name: 'risk',
    component: () => import('@/views/risk/RiskListView.vue'),
    meta: { title: '风险信息', icon: Warning, perm: 'entity:read', menu: true },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('@/views/users/UserListView.vue'),
    meta: { title: '用户管理', icon: User, perm: 'user:read', menu: true, group: '系统管理' },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/error/ForbiddenView.vue'),
    meta: { title: '无权限' },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/NotFoundView.vue'),
    meta: { title: '页面不存在' },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/',
    component: AppLayout,
    redirect: { name: 'dashboard' },
    children: appChildren,
  },
]
