/** Console entry: check the session, then render the shell. Live updates start once signed in. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './app';
import { user } from './lib/auth-state';
import { checkSession } from './lib/session';
import { loadDirectory } from './state/directory';
import { startLive, stopLive } from './state/live';

effect(() => {
  if (user.value) {
    startLive();
    void loadDirectory();
  } else stopLive();
});

render(<App />, document.getElementById('app')!);
void checkSession().catch(() => {});
