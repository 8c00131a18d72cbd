// The app around the README's recipe (src/Cobrowse.svelte, extracted at test time).
import { mount } from 'svelte';
import Cobrowse from './Cobrowse.svelte';

mount(Cobrowse, { target: document.getElementById('app')! });
