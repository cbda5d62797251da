package io.headroom.internal.image;

import java.util.Locale;
import java.util.Optional;

/** The image formats every provider accepts, by ImageIO format name and MIME type. */
public enum ImageFormat {
    PNG("png", "image/png"), JPEG("jpeg", "image/jpeg"), GIF("gif", "image/gif"), WEBP("webp", "image/webp");

    private final String imageIoName;
    private final String mimeType;

    ImageFormat(String imageIoName, String mimeType) {
        this.imageIoName = imageIoName;
        this.mimeType = mimeType;
    }

    public String imageIoName() { return imageIoName; }
    public String mimeType() { return mimeType; }

    /** True when ImageIO (with the codecs on the class path) can write this format. */
    boolean writable() {
        return this != WEBP; // TwelveMonkeys reads WebP; no maintained pure-Java WebP encoder exists
    }

    static Optional<ImageFormat> ofImageIoName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "png" -> Optional.of(PNG);
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "gif" -> Optional.of(GIF);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }

    /** The format a declared MIME type names ({@code image/jpg} is a common alias of {@code image/jpeg}). */
    static Optional<ImageFormat> ofMimeType(String mime) {
        String m = mime == null ? "" : mime.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "image/png" -> Optional.of(PNG);
            case "image/jpeg", "image/jpg" -> Optional.of(JPEG);
            case "image/gif" -> Optional.of(GIF);
            case "image/webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
