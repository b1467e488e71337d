package io.attain.query.projection;

import java.util.StringJoiner;

/**
 * Keys of read-model documents and of the fields inside them.
 *
 * <p>Ids, customer names and lost reasons are free text, but MongoDB field names may not contain {@code .} (a path
 * separator) nor start with {@code $}, and composite {@code _id}s join their parts with {@code |}. {@link #field}
 * and {@link #part} percent-encode exactly the characters that would break those rules ({@code %}, {@code .},
 * {@code $}, {@code |}, NUL; the empty string becomes {@code %}); everything else stays readable, e.g. {@code 2017-05|REVENUE|region=Central}.
 */
public final class Keys {

    private Keys() {
    }

    /** A value as a field name: {@code %}, {@code .}, {@code $} and {@code |} percent-encoded. */
    public static String field(String value) {
        return encode(value);
    }

    /** A value as one part of a composite {@code _id}: the same encoding as {@link #field}. */
    public static String part(String value) {
        return encode(value);
    }

    /** The composite id of the parts, each encoded, joined by {@code |}. */
    public static String id(String... parts) {
        StringJoiner joiner = new StringJoiner("|");
        for (String part : parts) {
            joiner.add(encode(part));
        }
        return joiner.toString();
    }

    /** Reverses {@link #field}. */
    public static String decode(String key) {
        if (key.equals("%")) {
            return "";
        }
        if (key.indexOf('%') < 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '%' && i + 2 < key.length()) {
                out.append((char) Integer.parseInt(key.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String encode(String value) {
        if (value == null) {
            throw new IllegalArgumentException("key: must not be null");
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '.' || c == '$' || c == '|' || c == 0) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                out.append('%').append(String.format("%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        String encoded = out == null ? value : out.toString();
        return encoded.isEmpty() ? "%" : encoded;
    }
}
