/** Ends every switch over a closed union: adding a member without handling it fails to compile. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
