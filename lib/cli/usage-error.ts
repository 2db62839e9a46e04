/** Thrown by a command for a bad argument that commander's own parsing cannot catch (exit code 2). */
export class UsageError extends Error {}
