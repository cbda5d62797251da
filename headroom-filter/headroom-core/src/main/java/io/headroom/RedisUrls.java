package io.headroom;

/** Redis URLs as they may be shown: logs, errors and config dumps never carry the password. */
public final class RedisUrls {
    private RedisUrls() {
    }

    /**
     * {@code redis://user:secret@host:6379/0} as {@code redis://user:***@host:6379/0}; a URL without
     * credentials unchanged.
     */
    public static String masked(String url) {
        if (url == null) return null;
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) return url;
        String userInfo = url.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String shown = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
        return url.substring(0, scheme + 3) + shown + url.substring(at);
    }
}
