// The signed-in staff member: tokens (persisted in localStorage), `me`, and permission checks.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import { tokenStorage } from '@/api/request'
import type { LoginPayload, Me, Token } from '@/api/types'

export const useSessionStore = defineStore('session', () => {
  const accessToken = ref<string | null>(tokenStorage.access())
  const refreshToken = ref<string | null>(tokenStorage.refresh())
  const me = ref<Me | null>(null)

  const isLoggedIn = computed(() => !!accessToken.value)
  const permissions = computed(() => new Set(me.value?.permissions ?? []))

  /** True when the user holds the permission (any of them, for a list; an empty list always passes). */
  function hasPerm(code: string | readonly string[] | null | undefined): boolean {
    if (!code) return true
    const codes = typeof code === 'string' ? [code] : code
    if (codes.length === 0) return true
    return codes.some((c) => permissions.value.has(c))
  }

  function setToken(token: Token): void {
    accessToken.value = token.access_token
    refreshToken.value = token.refresh_token
    tokenStorage.save(token)
  }

  function clear(): void {
    accessToken.value = null
    refreshToken.value = null
    me.value = null
    tokenStorage.clear()
  }

  async function login(payload: LoginPayload): Promise<Me> {
    const result = await authApi.login(payload)
    setToken(result.token)
    me.value = result.me
    return result.me
  }

  async function loadMe(): Promise<Me> {
    me.value = await authApi.getMe()
    return me.value
  }

  async function logout(): Promise<void> {
    const token = refreshToken.value
    clear()
    if (token) await authApi.logout(token).catch(() => undefined)
  }

  return { accessToken, refreshToken, me, isLoggedIn, permissions, hasPerm, setToken, clear, login, loadMe, logout }
})
