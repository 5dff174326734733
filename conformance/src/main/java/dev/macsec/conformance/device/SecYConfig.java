package dev.macsec.conformance.device;

import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;

/**
 * The controls of one SecY (802.1AE 10.7) that a device adapter can set.
 *
 * @param port                  the port identifier of the transmit SCI (1..65535)
 * @param cipherSuite           cipher suite
 * @param validateFrames        strict, check or disabled
 * @param replayProtect         replay protection on
 * @param replayWindow          replay window: with replayProtect off it still sets the lowest acceptable PN,
 *                              below which valid frames count as Delayed (10.6.5)
 * @param encrypt               confidentiality (protect only when false)
 * @param confidentialityOffset 0, 30 or 50; non-zero is not supported by every device
 * @param includeSci            always send the SCI in the SecTAG
 */
public record SecYConfig(int port, CipherSuite cipherSuite, ValidateFrames validateFrames, boolean replayProtect,
                         long replayWindow, boolean encrypt, int confidentialityOffset, boolean includeSci) {
    public SecYConfig {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
        if (replayWindow < 0 || replayWindow > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("replay window out of range: " + replayWindow);
        }
        if (confidentialityOffset != 0 && confidentialityOffset != 30 && confidentialityOffset != 50) {
            throw new IllegalArgumentException("confidentiality offset must be 0, 30 or 50");
        }
    }

    /** Port 1, strict validation, replay protection with window 0, encryption, SCI included. */
    public static SecYConfig defaults(CipherSuite suite) {
        return new SecYConfig(1, suite, ValidateFrames.STRICT, true, 0, true, 0, true);
    }

    public SecYConfig withValidateFrames(ValidateFrames v) {
        return new SecYConfig(port, cipherSuite, v, replayProtect, replayWindow, encrypt, confidentialityOffset, includeSci);
    }

    public SecYConfig withReplay(boolean on, long window) {
        return new SecYConfig(port, cipherSuite, validateFrames, on, window, encrypt, confidentialityOffset, includeSci);
    }

    public SecYConfig withEncrypt(boolean on) {
        return new SecYConfig(port, cipherSuite, validateFrames, replayProtect, replayWindow, on, confidentialityOffset, includeSci);
    }

    public SecYConfig withConfidentialityOffset(int o) {
        return new SecYConfig(port, cipherSuite, validateFrames, replayProtect, replayWindow, encrypt, o, includeSci);
    }

    /** The validateFrames value as iproute2 and reports write it: strict, check, disabled. */
    public static String name(ValidateFrames v) {
        return v.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The cipher suite as iproute2 writes it: gcm-aes-xpn-128. */
    public static String name(CipherSuite s) {
        return s.standardName().toLowerCase(java.util.Locale.ROOT);
    }

    public SecYConfig withPort(int p) {
        return new SecYConfig(p, cipherSuite, validateFrames, replayProtect, replayWindow, encrypt, confidentialityOffset, includeSci);
    }
}
