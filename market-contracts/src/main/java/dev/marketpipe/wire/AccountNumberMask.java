package dev.marketpipe.wire;

/**
 * Masks an account number for everything past the provider adapter (ARCHITECTURE invariant 5: account numbers
 * never reach a log line, a metric, a file name or an error message). KIS numbers are 8 digits, a dash and a
 * 2-digit product code: {@code 12345678-01} becomes {@code 1234****-01}. Without a dash, all but the first 4 and the
 * last 2 characters are masked; anything of 6 characters or fewer is masked whole.
 */
public final class AccountNumberMask {

    private static final int KEEP_START = 4;
    private static final int KEEP_END = 2;
    private static final char MASK = '*';

    private AccountNumberMask() {
    }

    public static String mask(String accountNumber) {
        if (accountNumber == null) {
            return null;
        }
        int dash = accountNumber.indexOf('-');
        if (dash > KEEP_START) {
            return accountNumber.substring(0, KEEP_START) + stars(dash - KEEP_START) + accountNumber.substring(dash);
        }
        if (accountNumber.length() <= KEEP_START + KEEP_END) {
            return stars(accountNumber.length());
        }
        return accountNumber.substring(0, KEEP_START) + stars(accountNumber.length() - KEEP_START - KEEP_END)
                + accountNumber.substring(accountNumber.length() - KEEP_END);
    }

    private static String stars(int n) {
        return String.valueOf(MASK).repeat(n);
    }
}
