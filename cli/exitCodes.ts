// The `copydesk` command's exit codes, one table for every subcommand (scripts test them).
export const EXIT = { ok: 0, partial: 1, usage: 2, library: 3, interrupted: 130 } as const;
