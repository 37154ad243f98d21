package dev.marketpipe.archive.store.s3;

/**
 * The refs an object store accepts (the {@code ArchiveStore} contract): below {@code raw/}, {@code /} separated,
 * no empty, {@code .} or {@code ..} segment. A file system refuses such refs by normalizing paths; an object store
 * would happily store a key {@code raw/../index/x}, so the rule is spelt out here.
 */
final class RefRules {

    static final String RAW = "raw/";

    private RefRules() {
    }

    /** {@code ref} when it names an object below {@code raw/}. */
    static String checkRef(String ref) {
        if (!ref.startsWith(RAW) || ref.length() == RAW.length() || !segmentsAreSafe(ref, false)) {
            throw new IllegalArgumentException("archive ref outside raw/: " + ref);
        }
        return ref;
    }

    /** {@code prefix} when every object it can match lies below {@code raw/}; it may end in a partial name or {@code /}. */
    static String checkPrefix(String prefix) {
        if (!prefix.startsWith(RAW) || !segmentsAreSafe(prefix, true)) {
            throw new IllegalArgumentException("archive prefix outside raw/: " + prefix);
        }
        return prefix;
    }

    private static boolean segmentsAreSafe(String path, boolean lastMayBeEmpty) {
        if (path.indexOf('\\') >= 0) {
            return false;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !(last && lastMayBeEmpty))) {
                return false;
            }
        }
        return true;
    }
}
