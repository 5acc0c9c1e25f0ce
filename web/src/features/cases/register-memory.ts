/**
 * Where the register was last left (its URL with filters), so that Esc or «К реестру» on a card
 * returns to the same view. In memory for the tab's life: a fresh tab starts at /cases.
 */
let lastRegisterHref: string | null = null;

export function rememberRegister(href: string): void {
  lastRegisterHref = href;
}

export function registerHref(): string {
  return lastRegisterHref ?? '/cases';
}

let lastOpened: string | null = null;

/** The case last opened from the register: its row is selected again on return. */
export function rememberOpened(id: string): void {
  lastOpened = id;
}

export function lastOpenedCase(): string | null {
  return lastOpened;
}
