package dev.mojaz.ingest.http;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads a host name the way the C library's {@code inet_aton} and browsers do: one to four dot-separated parts,
 * each decimal, octal (leading {@code 0}) or hexadecimal ({@code 0x}), the last part filling the remaining bytes.
 * So {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1} and {@code 127.1} are all 127.0.0.1.
 *
 * <p>Java's own resolver reads some of these differently ({@code 0177.0.0.1} as 177.0.0.1) and sends others to DNS
 * ({@code 0x7f.1}); reading them here, and connecting to the address read, means the SSRF guard judges the same
 * address a browser would, and the connection goes exactly there.
 */
final class NumericHost {
    private NumericHost() {
    }

    /** What kind of host name this is. */
    enum Kind {
        /** A host name for DNS. */
        NAME,
        /** A numeric IPv4 form (parsed into the address). */
        NUMERIC,
        /** Looks numeric (every part starts with a digit) but is not a valid address: refused. */
        MALFORMED
    }

    /**
     * @param address   the address, for {@link Kind#NUMERIC}
     * @param canonical whether it was written the one unambiguous way: four decimal parts without leading zeros
     */
    record Parsed(Kind kind, Inet4Address address, boolean canonical) {
    }

    static Parsed parse(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) {
            return new Parsed(Kind.MALFORMED, null, false);
        }
        String[] parts = h.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.charAt(0) < '0' || part.charAt(0) > '9') {
                return new Parsed(Kind.NAME, null, false);
            }
        }
        // Every part starts with an ASCII digit: a DNS name cannot end in an all-numeric label, so it is an address
        // or nothing.
        if (parts.length > 4) {
            return new Parsed(Kind.MALFORMED, null, false);
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = number(parts[i]);
            if (value == null) {
                return new Parsed(Kind.MALFORMED, null, false);
            }
            values[i] = value;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return new Parsed(Kind.MALFORMED, null, false);
            }
            address = (address << 8) | values[i];
        }
        int restBytes = 4 - (parts.length - 1);
        long last = values[parts.length - 1];
        if (last >= (1L << (8 * restBytes))) {
            return new Parsed(Kind.MALFORMED, null, false);
        }
        address = (address << (8 * restBytes)) | last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            boolean canonical = parts.length == 4 && host.equals((address >>> 24) + "." + ((address >>> 16) & 0xFF) + "."
                    + ((address >>> 8) & 0xFF) + "." + (address & 0xFF));
            return new Parsed(Kind.NUMERIC, (Inet4Address) InetAddress.getByAddress(h, bytes), canonical);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }

    /** The value of one part, or null when it is not a number in its base (or absurdly long). */
    private static Long number(String part) {
        String digits;
        int radix;
        if (part.length() > 1 && (part.startsWith("0x") || part.startsWith("0X"))) {
            digits = part.substring(2);
            radix = 16;
            if (digits.isEmpty()) {
                return 0L; // inet_aton reads "0x" as zero
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        } else {
            digits = part;
            radix = 10;
        }
        if (digits.length() > 40) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean ascii = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ascii || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return value.bitLength() > 32 ? null : value.longValue();
    }
}
