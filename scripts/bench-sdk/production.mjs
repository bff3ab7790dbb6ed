// A production build's `process.env.NODE_ENV`, in every module (node_modules too, which the
// esbuild plugin leaves alone): TanStack reads it, and a page has no `process`.
export const production = () => ({
  name: 'bench-sdk-production',
  transform(code) {
    if (!code.includes('process.env.NODE_ENV')) return null;
    return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
  },
});
