package dev.macsec.conformance.device;

import dev.macsec.error.InputException;
import dev.macsec.field.FieldFormat;

import java.util.HexFormat;

/** Secure Channel Identifiers as 64-bit values: MAC address (48 bits) then port (16 bits). */
public final class Sci {
    private Sci() {
    }

    public static long of(byte[] mac, int port) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 octets");
        }
        long v = 0;
        for (byte b : mac) {
            v = (v << 8) | (b & 0xFF);
        }
        return (v << 16) | (port & 0xFFFF);
    }

    /** "52:54:00:00:00:01" + port. */
    public static long of(String mac, int port) {
        return of(HexFormat.ofDelimiter(":").parseHex(mac), port);
    }

    public static long parse(String hex) {
        String h = hex.trim().replace(":", "");
        if (h.length() != 16) {
            throw new InputException("an SCI has 16 hex digits: '" + hex + "'");
        }
        return Long.parseUnsignedLong(h, 16);
    }

    public static String mac(long sci) {
        byte[] m = new byte[6];
        for (int i = 0; i < 6; i++) {
            m[i] = (byte) (sci >>> (56 - 8 * i));
        }
        return HexFormat.ofDelimiter(":").formatHex(m);
    }

    public static int port(long sci) {
        return (int) (sci & 0xFFFF);
    }

    public static String hex(long sci) {
        return FieldFormat.sci(sci);
    }
}
