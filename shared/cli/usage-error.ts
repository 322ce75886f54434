/** The command line was called with the wrong words: the message says what to type instead. */
export class UsageError extends Error {}
