import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installApi, resolveApi } from './api/lanyardApi'
import { createAppRouter } from './router'
import './styles/app.css'

installApi(resolveApi())
createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
