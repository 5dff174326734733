package dev.macsec.mka.actor;

import dev.macsec.keys.CakEntry;
import dev.macsec.mka.protocol.ConfidentialityOffsets;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.suite.CipherSuite;

/**
 * How an {@link MkaParticipant} behaves. Times are in milliseconds; {@link #of} takes the 802.1X-2020 defaults
 * (Table 9-3, {@link MkaTimers}).
 *
 * @param cak              the CAK and CKN of the CA (pre-shared)
 * @param mac              our MAC address (source of MKPDUs, system identifier of the SCI)
 * @param port             port number of the SCI
 * @param priority         Key Server Priority (lower wins; 255 means never key server)
 * @param keyServerCapable whether we may be the key server at all
 * @param mkaVersion       MKA Version Identifier we send (1 as wpa_supplicant 2.10 sends, up to 3)
 * @param seed             seeds MI, nonces and random SAKs for reproducible runs; null for SecureRandom
 * @param cipherSuite      the cipher suite a key server distributes
 * @param explicitCipherSuite write the suite into the Distributed SAK even for GCM-AES-128 (36-octet body)
 * @param confidentialityOffset what a key server announces and we transmit with: 0, 30 or 50, or
 *                         {@link #INTEGRITY_ONLY} for no confidentiality (E=0, C=0)
 * @param rx               receive SecY controls for our own data plane
 */
public record ActorConfig(CakEntry cak, byte[] mac, int port, int priority, boolean keyServerCapable,
                          boolean macsecDesired, int macsecCapability, int mkaVersion, long helloMillis,
                          long lifeMillis, long retireMillis, SakSource sakSource, CipherSuite cipherSuite,
                          boolean explicitCipherSuite, int confidentialityOffset, Long seed, ReceiveSecY.Config rx) {
    /** {@link #confidentialityOffset()} for integrity only. */
    public static final int INTEGRITY_ONLY = -1;

    public ActorConfig {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC address is 6 octets");
        }
        mac = mac.clone();
        if (confidentialityOffset != INTEGRITY_ONLY && confidentialityOffset != 0 && confidentialityOffset != 30
                && confidentialityOffset != 50) {
            throw new IllegalArgumentException("confidentiality offset is 0, 30, 50 or INTEGRITY_ONLY: "
                    + confidentialityOffset);
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("Key Server Priority is 0..255: " + priority);
        }
    }

    /** Defaults: port 1, priority 16, key server capable, MACsec desired with capability 3, MKA v1, GCM-AES-128. */
    public static ActorConfig of(CakEntry cak, byte[] mac) {
        return new ActorConfig(cak, mac, 1, 16, true, true, 3, 1, MkaTimers.HELLO_TIME, MkaTimers.LIFE_TIME,
                MkaTimers.SAK_RETIRE_TIME,
                SakSource.KDF, CipherSuite.GCM_AES_128, false, 0, null,
                new ReceiveSecY.Config(CipherSuite.GCM_AES_128, ValidateFrames.STRICT, true, 0, 0));
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** Our SCI: MAC address then port. */
    public long sci() {
        long s = 0;
        for (byte b : mac) {
            s = s << 8 | (b & 0xFF);
        }
        return s << 16 | (port & 0xFFFF);
    }

    public ActorConfig withPriority(int p) {
        return new ActorConfig(cak, mac, port, p, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite,
                confidentialityOffset, seed, rx);
    }

    public ActorConfig withSeed(Long s) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite,
                confidentialityOffset, s, rx);
    }

    public ActorConfig withCak(CakEntry c) {
        return new ActorConfig(c, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite,
                confidentialityOffset, seed, rx);
    }

    public ActorConfig withHello(long ms) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                ms, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite,
                confidentialityOffset, seed, rx);
    }

    public ActorConfig withSakSource(SakSource s) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, s, cipherSuite, explicitCipherSuite,
                confidentialityOffset, seed, rx);
    }

    public ActorConfig withCipherSuite(CipherSuite s, boolean explicit) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, sakSource, s, explicit, confidentialityOffset, seed,
                new ReceiveSecY.Config(s, rx.validateFrames(), rx.replayProtect(), rx.replayWindow(),
                        rx.confidentialityOffset()));
    }

    public ActorConfig withMkaVersion(int v) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, v,
                helloMillis, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite,
                confidentialityOffset, seed, rx);
    }

    public ActorConfig withConfidentialityOffset(int offset) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite, offset, seed, rx);
    }

    /**
     * The 2-bit Confidentiality Offset of a Distributed SAK (802.1X-2020 11.11.1): 0 confidentiality not used,
     * 1 offset 0, 2 offset 30, 3 offset 50.
     */
    public int confidentialityOffsetCode() {
        return confidentialityOffset == INTEGRITY_ONLY ? ConfidentialityOffsets.NOT_USED
                : ConfidentialityOffsets.code(confidentialityOffset);
    }

    public ActorConfig withRx(ReceiveSecY.Config c) {
        return new ActorConfig(cak, mac, port, priority, keyServerCapable, macsecDesired, macsecCapability, mkaVersion,
                helloMillis, lifeMillis, retireMillis, sakSource, cipherSuite, explicitCipherSuite,
                confidentialityOffset, seed, c);
    }

    @Override
    public String toString() {
        return String.format("ActorConfig[%s, SCI %016x, priority %d, MKA v%d, hello %d ms, life %d ms, %s]",
                cak, sci(), priority, mkaVersion, helloMillis, lifeMillis, cipherSuite);
    }
}
