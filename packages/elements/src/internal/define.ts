/**
 * Registers a custom element unless the tag is already taken. Two copies of Kith on one page
 * (the drop-in plus a bundled copy) must not break the page: the first definition wins.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, ctor);
}
