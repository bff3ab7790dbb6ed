/** Runs a page's callback; its error surfaces on its own (reported by the browser), never inside
 * the SDK's bookkeeping that called it. */
export function safely(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}
