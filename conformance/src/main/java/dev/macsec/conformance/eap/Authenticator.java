package dev.macsec.conformance.eap;

import dev.macsec.conformance.link.FrameLink;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.mka.actor.MkaClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The EAPOL side of an 802.1X authenticator PAE (IEEE 802.1X-2020 clause 8, minimal) in pass-through mode (RFC 3748
 * 2.3): on link up or an EAPOL-Start it asks for the supplicant's identity, relays the EAP-Responses to a
 * {@link Backend} (a RADIUS server through {@link RadiusClient}) and the server's EAP-Requests back, ends with the
 * server's EAP-Success or EAP-Failure, and an EAPOL-Logoff ends the session. An unanswered EAP-Request/Identity is
 * repeated every {@code txPeriod}; another unanswered EAP-Request is retransmitted up to {@code maxRetrans} times
 * before the session fails.
 * <p>
 * The result of a successful session is the MSK the Access-Accept carried and the EAP Session-Id: the server's
 * EAP-Key-Name when it sent one, else, for EAP-TLS up to TLS 1.2, 0x0D || client random || server random read from
 * the relayed hellos (RFC 5216 2.3). Those are what {@link dev.macsec.keys.KeyHierarchy#cakFromMsk} and
 * {@link dev.macsec.keys.KeyHierarchy#cknFromMsk} take ({@link Result#cak}, {@link Result#ckn}).
 * <p>
 * The state machine ({@link #start}, {@link #receive}, {@link #tick}) is pure and takes the time as an argument, as
 * {@link dev.macsec.mka.actor.MkaParticipant} does; {@link #runUntil} drives it on a {@link FrameLink}.
 */
public final class Authenticator implements EapolActor {
    /** IEEE 802.1X-2020 11.1.1: the Port Access Entity group address, which no bridge forwards. */
    public static final byte[] PAE_GROUP_ADDRESS = {0x01, (byte) 0x80, (byte) 0xC2, 0x00, 0x00, 0x03};
    static final int EAPOL_EAP = 0;
    static final int EAPOL_START = 1;
    static final int EAPOL_LOGOFF = 2;
    static final int EAP_REQUEST = 1;
    static final int EAP_RESPONSE = 2;
    static final int EAP_SUCCESS = 3;
    static final int EAP_FAILURE = 4;
    static final int EAP_TYPE_IDENTITY = 1;
    static final int EAP_TYPE_TLS = 13;

    /** What the authenticator asks of its authentication server. */
    public interface Backend {
        /** One EAP-Response relayed; the server's answer. Throws when the server does not answer. */
        Answer exchange(Request request) throws IOException;
    }

    /** One EAP-Response for the server, with the session's User-Name and the State the server gave last. */
    public record Request(String userName, byte[] eap, byte[] state, byte[] authenticatorMac, byte[] supplicantMac) {
    }

    /** The server's answer: its EAP packet (null if none), State, and for an accept the MSK and EAP-Key-Name. */
    public record Answer(Kind kind, byte[] eap, byte[] state, byte[] msk, byte[] eapKeyName) {
        public enum Kind { CHALLENGE, ACCEPT, REJECT }

        @Override
        public String toString() {
            return "Answer[" + kind + (eap == null ? "" : ", EAP " + eap.length + " octets")
                    + (msk == null ? "" : ", MSK " + msk.length + " octets") + "]";
        }
    }

    public enum State { IDLE, CONNECTING, AUTHENTICATING, AUTHENTICATED, HELD, LOGGED_OFF }

    /**
     * How one session ended.
     *
     * @param sessionId        the EAP Session-Id: the EAP-Key-Name if the server sent one, else the one the TLS
     *                         hellos give (EAP-TLS up to TLS 1.2), else null
     * @param keyName          the EAP-Key-Name the Access-Accept carried, or null
     * @param sessionIdOfHellos 0x0D || client random || server random from the relayed hellos, or null (no hellos
     *                         seen, or TLS 1.3, whose Session-Id is exported)
     * @param reason           why it failed, null on success
     */
    public record Result(boolean success, byte[] msk, byte[] sessionId, byte[] keyName, byte[] sessionIdOfHellos,
                         String identity, byte[] supplicantMac, byte[] authenticatorMac, String reason) {
        /** IEEE 802.1X-2020 6.2.2: the CAK of {@code cakBits} (128 or 256) from the MSK and the two MAC addresses. */
        public byte[] cak(int cakBits) {
            return KeyHierarchy.cakFromMsk(requireMsk(), supplicantMac, authenticatorMac, cakBits);
        }

        /** IEEE 802.1X-2020 6.2.2: the CKN from the MSK, the EAP Session-Id and the two MAC addresses. */
        public byte[] ckn(int cakBits) {
            if (sessionId == null) {
                throw new IllegalStateException("no EAP Session-Id: the server sent no EAP-Key-Name and the TLS hellos"
                        + " give none (TLS 1.3, or no EAP-TLS)");
            }
            return KeyHierarchy.cknFromMsk(requireMsk(), sessionId, supplicantMac, authenticatorMac, cakBits);
        }

        private byte[] requireMsk() {
            if (msk == null) {
                throw new IllegalStateException("no MSK: " + (success ? "none in the Access-Accept" : reason));
            }
            return msk;
        }

        @Override
        public String toString() {
            return "Result[" + (success ? "success" : "failure: " + reason) + ", identity " + identity
                    + (msk == null ? ", no MSK" : ", MSK " + msk.length + " octets")
                    + (sessionId == null ? "" : ", Session-Id " + sessionId.length + " octets") + "]";
        }
    }

    /**
     * @param ownMac       the port's MAC address, the source of what it sends
     * @param eapolVersion the EAPOL protocol version it sends (3 for 802.1X-2010 and later)
     * @param txPeriod     802.1X-2020 8.9 txPeriod: between EAP-Request/Identity frames, and the wait before an
     *                     unanswered EAP-Request is retransmitted
     * @param maxRetrans   how many times an EAP-Request other than Identity is retransmitted
     */
    public record Config(byte[] ownMac, int eapolVersion, Duration txPeriod, int maxRetrans) {
        public Config {
            ownMac = ownMac.clone();
            if (ownMac.length != 6) {
                throw new IllegalArgumentException("a MAC address has 6 octets, got " + ownMac.length);
            }
        }

        public static Config of(byte[] ownMac) {
            return new Config(ownMac, 3, Duration.ofSeconds(30), 2);
        }
    }

    private final Config config;
    private final Backend backend;
    private final SecureRandom random = new SecureRandom();
    private State state = State.IDLE;
    private int eapId;
    private byte[] supplicant;
    private String identity;
    private byte[] radiusState;
    private byte[] lastRequest;
    private int retransmitted;
    private long retransmitAt = Long.MAX_VALUE;
    private byte[] clientRandom;
    private byte[] serverRandom;
    private boolean tls13;
    private Result result;
    private final List<Result> results = new ArrayList<>();
    private int logoffs;
    private int identityRequests;
    private int framesIn;
    private int framesOut;

    public Authenticator(Config config, Backend backend) {
        this.config = config;
        this.backend = backend;
        this.eapId = random.nextInt(256);
    }

    public State state() {
        return state;
    }

    /** The last session's result, if one ended. */
    public Optional<Result> result() {
        return Optional.ofNullable(result);
    }

    /** Every session's result, in order. */
    public List<Result> results() {
        return List.copyOf(results);
    }

    public int logoffs() {
        return logoffs;
    }

    public int identityRequests() {
        return identityRequests;
    }

    /** The Identifier of the EAP-Request awaiting its Response (for a replay that answers in its place). */
    byte pendingIdentifier() {
        return lastRequest == null ? (byte) eapId : lastRequest[1];
    }

    /** Port up: asks whoever is on the link for its identity, at the PAE group address. */
    public List<byte[]> start(long now) {
        return connect(null, now);
    }

    /** Retransmissions due at {@code now}. */
    @Override
    public List<byte[]> tick(long now) {
        if (now < retransmitAt) {
            return List.of();
        }
        if (state == State.CONNECTING) {
            return connect(supplicant, now);
        }
        if (state == State.AUTHENTICATING) {
            if (retransmitted >= config.maxRetrans()) {
                return end(false, null, null, null, "the supplicant did not answer EAP-Request " + (lastRequest[1] & 0xFF)
                        + " (" + (retransmitted + 1) + " times sent)", now);
            }
            retransmitted++;
            retransmitAt = now + config.txPeriod().toMillis();
            return List.of(eapol(EAPOL_EAP, lastRequest));
        }
        retransmitAt = Long.MAX_VALUE;
        return List.of();
    }

    /** When {@link #tick} next has something to do. */
    @Override
    public long nextDeadline() {
        return retransmitAt;
    }

    /** One received frame; the frames to send in answer. Frames that are not EAPOL for this port are ignored. */
    @Override
    public List<byte[]> receive(byte[] f, long now) throws IOException {
        if (f.length < 18 || ((f[12] & 0xFF) << 8 | (f[13] & 0xFF)) != EapolDecoder.ETHERTYPE) {
            return List.of();
        }
        byte[] dst = Arrays.copyOfRange(f, 0, 6);
        if (!Arrays.equals(dst, PAE_GROUP_ADDRESS) && !Arrays.equals(dst, config.ownMac())) {
            return List.of();
        }
        framesIn++;
        byte[] src = Arrays.copyOfRange(f, 6, 12);
        int type = f[15] & 0xFF;
        int bodyLength = (f[16] & 0xFF) << 8 | (f[17] & 0xFF);
        if (18 + bodyLength > f.length) {
            return List.of();
        }
        return switch (type) {
            case EAPOL_START -> connect(src, now);
            case EAPOL_LOGOFF -> {
                if (supplicant != null && Arrays.equals(src, supplicant)) {
                    logoffs++;
                    state = State.LOGGED_OFF;
                    retransmitAt = Long.MAX_VALUE;
                    radiusState = null;
                    lastRequest = null;
                }
                yield List.of();
            }
            case EAPOL_EAP -> eap(src, Arrays.copyOfRange(f, 18, 18 + bodyLength), now);
            default -> List.of();
        };
    }

    private List<byte[]> connect(byte[] from, long now) {
        supplicant = from;
        state = State.CONNECTING;
        identity = null;
        radiusState = null;
        clientRandom = null;
        serverRandom = null;
        tls13 = false;
        retransmitted = 0;
        eapId = (eapId + 1) & 0xFF;
        lastRequest = new byte[] {EAP_REQUEST, (byte) eapId, 0, 5, EAP_TYPE_IDENTITY};
        identityRequests++;
        retransmitAt = now + config.txPeriod().toMillis();
        return List.of(eapol(EAPOL_EAP, lastRequest));
    }

    private List<byte[]> eap(byte[] src, byte[] eap, long now) throws IOException {
        if (eap.length < 4 || (eap[0] & 0xFF) != EAP_RESPONSE || lastRequest == null) {
            return List.of();
        }
        int length = (eap[2] & 0xFF) << 8 | (eap[3] & 0xFF);
        // RFC 3748 4.1: octets past the EAP Length are padding; a Response to another Identifier is stale
        if (length < 5 || length > eap.length || eap[1] != lastRequest[1]) {
            return List.of();
        }
        eap = Arrays.copyOf(eap, length);
        if (state == State.CONNECTING) {
            if ((eap[4] & 0xFF) != EAP_TYPE_IDENTITY) {
                return List.of();
            }
            supplicant = src;
            identity = new String(eap, 5, length - 5, StandardCharsets.UTF_8);
            state = State.AUTHENTICATING;
        } else if (state != State.AUTHENTICATING || !Arrays.equals(src, supplicant)) {
            return List.of();
        }
        noteHello(eap, true);
        Answer a;
        try {
            a = backend.exchange(new Request(identity, eap, radiusState, config.ownMac(), supplicant));
        } catch (IOException e) {
            return end(false, null, null, null, "authentication server: " + e.getMessage(), now);
        }
        return switch (a.kind()) {
            case CHALLENGE -> {
                if (a.eap() == null || a.eap().length < 5 || (a.eap()[0] & 0xFF) != EAP_REQUEST) {
                    yield end(false, null, null, null, "Access-Challenge without an EAP-Request", now);
                }
                radiusState = a.state();
                lastRequest = a.eap();
                noteHello(lastRequest, false);
                retransmitted = 0;
                retransmitAt = now + config.txPeriod().toMillis();
                yield List.of(eapol(EAPOL_EAP, lastRequest));
            }
            case ACCEPT -> end(true, a.eap(), a.msk(), a.eapKeyName(),
                    a.msk() == null ? "Access-Accept without MS-MPPE keys" : null, now);
            case REJECT -> end(false, a.eap(), null, null, "Access-Reject", now);
        };
    }

    private List<byte[]> end(boolean accepted, byte[] serverEap, byte[] msk, byte[] keyName, String reason, long now) {
        int code = accepted ? EAP_SUCCESS : EAP_FAILURE;
        byte[] last = serverEap;
        // RFC 3579 2.6.3: an Access-Accept/Reject should carry the EAP-Success/Failure; one without gets ours
        if (last == null || last.length < 4 || (last[0] & 0xFF) != code) {
            last = new byte[] {(byte) code, lastRequest == null ? (byte) eapId : lastRequest[1], 0, 4};
        }
        byte[] ofHellos = null;
        if (clientRandom != null && serverRandom != null && !tls13) {
            ofHellos = new byte[65];
            ofHellos[0] = EAP_TYPE_TLS;
            System.arraycopy(clientRandom, 0, ofHellos, 1, 32);
            System.arraycopy(serverRandom, 0, ofHellos, 33, 32);
        }
        boolean success = accepted && msk != null;
        byte[] sessionId = keyName != null && keyName.length > 1 ? keyName : ofHellos;
        result = new Result(success, msk, sessionId, keyName, ofHellos, identity, supplicant, config.ownMac(),
                success ? null : reason);
        results.add(result);
        state = accepted ? State.AUTHENTICATED : State.HELD;
        retransmitAt = Long.MAX_VALUE;
        lastRequest = null;
        radiusState = null;
        return List.of(eapol(EAPOL_EAP, last));
    }

    /**
     * Keeps the randoms of an EAP-TLS ClientHello (in a Response) or ServerHello (in a Request) at the start of a
     * message's first fragment (RFC 5216 3.1: Flags, then the 4-octet TLS Message Length when L is set), and whether
     * the ServerHello chose TLS 1.3 (its supported_versions extension, RFC 8446 4.2.1).
     */
    private void noteHello(byte[] eap, boolean fromPeer) {
        if (eap.length < 6 || (eap[4] & 0xFF) != EAP_TYPE_TLS) {
            return;
        }
        int flags = eap[5] & 0xFF;
        int p = 6 + ((flags & 0x80) != 0 ? 4 : 0);
        // TLS record header (type 22 handshake), then the handshake header, version and the random
        if (p + 5 + 4 + 2 + 32 > eap.length || eap[p] != 22) {
            return;
        }
        int hs = p + 5;
        int hsType = eap[hs] & 0xFF;
        byte[] rnd = Arrays.copyOfRange(eap, hs + 6, hs + 38);
        if (fromPeer && hsType == 1 && clientRandom == null) {
            clientRandom = rnd;
        } else if (!fromPeer && hsType == 2 && serverRandom == null) {
            serverRandom = rnd;
            tls13 = choseTls13(eap, hs + 38);
        }
    }

    private static boolean choseTls13(byte[] b, int p) {
        if (p >= b.length) {
            return false;
        }
        p += 1 + (b[p] & 0xFF) + 2 + 1; // legacy_session_id_echo, cipher_suite, legacy_compression_method
        if (p + 2 > b.length) {
            return false;
        }
        int end = Math.min(b.length, p + 2 + ((b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF)));
        for (p += 2; p + 4 <= end; ) {
            int type = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
            int len = (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
            if (type == 43 && len == 2 && p + 6 <= end) {
                return ((b[p + 4] & 0xFF) << 8 | (b[p + 5] & 0xFF)) == 0x0304;
            }
            p += 4 + len;
        }
        return false;
    }

    /** An EAPOL frame to the supplicant, or to the PAE group address before one is known. */
    byte[] eapol(int type, byte[] body) {
        framesOut++;
        return EapolActor.frame(supplicant != null ? supplicant : PAE_GROUP_ADDRESS, config.ownMac(),
                config.eapolVersion(), type, body, 0);
    }

    /** Sends {@link #start}'s frames on {@code link}. */
    public void start(FrameLink link, MkaClock clock) throws IOException {
        for (byte[] f : start(clock.millis())) {
            link.send(f);
        }
    }

    @Override
    public String toString() {
        return "Authenticator[" + HexFormat.ofDelimiter(":").formatHex(config.ownMac()) + ", " + state
                + ", " + framesIn + " EAPOL in, " + framesOut + " out]";
    }
}
