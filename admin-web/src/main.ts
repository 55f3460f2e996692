import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { installAuthBridge } from './api/request'
import { vPerm } from './directives/perm'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter()

const session = useSessionStore()
installAuthBridge({
  getAccessToken: () => session.accessToken,
  getRefreshToken: () => session.refreshToken,
  saveToken: (token) => session.setToken(token),
  expire() {
    session.clear()
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      router.replace({ name: 'login', query: current.fullPath === '/' ? {} : { redirect: current.fullPath } })
    }
  },
})

app.use(router)
app.use(ElementPlus, { locale: zhCn })
app.directive('perm', vPerm)
app.mount('#app')
