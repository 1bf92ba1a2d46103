// The team's package passphrase as typed in the window, checked like the core checks a new
// passphrase (`crypto::check_new_passphrase`: at least 8 characters, counted as characters).

export const MIN_PACKAGE_PASSPHRASE = 8;

/** What is wrong with a new package passphrase typed twice, or null when it can be used. */
export function packagePassphraseProblem(first: string, again: string): "short" | "mismatch" | null {
  if ([...first].length < MIN_PACKAGE_PASSPHRASE) return "short";
  if (first !== again) return "mismatch";
  return null;
}
