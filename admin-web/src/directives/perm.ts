// v-perm="'user:write'" or v-perm="['a', 'b']" (any of): the element is removed when
// the signed-in user lacks the permission. The API still enforces every rule.
import type { Directive } from 'vue'
import { useSessionStore } from '@/stores/session'

export type PermValue = string | string[]

function apply(el: HTMLElement, value: PermValue): void {
  if (!useSessionStore().hasPerm(value)) el.parentNode?.removeChild(el)
}

export const vPerm: Directive<HTMLElement, PermValue> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}
