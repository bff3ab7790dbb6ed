// Command-line handling shared by the benchmark scripts.
import { parseArgs } from 'node:util';

/**
 * Parses `options` (node:util parseArgs), prints `usage` and exits 0 on `--help`, and returns the
 * values with `number(name, min)`: the option as a number, or a message and exit 2 when it is not
 * one at least `min`.
 */
export function benchOptions(options, usage) {
  const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) {
      console.error(`--${name} must be a number ≥ ${min}, got ${values[name]}`);
      process.exit(2);
    }
    return value;
  };
  return { values, number };
}
