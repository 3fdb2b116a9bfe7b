/** Where the reader's theme choice is kept; absent = follow the system. */
export const THEME_KEY = 'cut-theme';
export const THEME_EVENT = 'cut-theme-change';

/**
 * Runs in <head> before first paint so a dark page never flashes light: the saved choice, else
 * the system's preference. Kept as a string because it must run before any bundle loads.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_KEY}');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;
