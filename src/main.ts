// Only the Latin and Vietnamese subsets: every name on the atlas is written with them.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import { mount } from 'svelte';
import './styles/tokens.css';
import './app.css';
import App from './App.svelte';
import { appUpdate } from './lib/state/app-update.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

appUpdate.startAfter('atlas:labels-ready', 15_000);
