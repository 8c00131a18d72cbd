// The app around the README's recipes (src/Cobrowse.vue and vite.config.ts, extracted at test time).
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
