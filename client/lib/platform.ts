/**
 * Apple keyboards say ⌘, the others Ctrl: shortcut labels follow the platform the console runs
 * on ("⌘K" on a Mac, "Ctrl K" on Linux and Windows).
 */
type NavigatorUA = Navigator & { userAgentData?: { platform?: string } };

const platformName = (): string => (navigator as NavigatorUA).userAgentData?.platform || navigator.platform || navigator.userAgent;

export const isApple = /mac|iphone|ipad|ipod/i.test(platformName());

/** The palette's shortcut as this keyboard labels it. */
export const jumpKeys = isApple ? '⌘K' : 'Ctrl K';
