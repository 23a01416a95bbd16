/** Console-wide UI state: overlays and the composer mode the shortcuts drive. */
import { signal } from '@preact/signals';

export const showHelp = signal(false);
export const showPalette = signal(false);
export const composerMode = signal<'reply' | 'note'>('reply');
/** Bumped to ask the composer to take focus (the `r` / `n` shortcuts). */
export const focusComposer = signal(0);
/** The customer panel where the screen is too narrow to show it beside the thread. */
export const showProfile = signal(false);
