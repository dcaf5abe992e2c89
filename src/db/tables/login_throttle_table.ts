/** Failed sign-ins of one (user name, client address) pair within the current window. */
export interface LoginThrottleTable {
  /** `<lowercase name>|<client address>`. */
  key: string;
  failures: number;
  window_started_at: Date;
  /** While in the future, sign-ins for the key are refused without checking the password. */
  locked_until: Date | null;
}
