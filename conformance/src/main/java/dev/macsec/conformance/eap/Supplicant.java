package dev.macsec.conformance.eap;

import dev.macsec.conformance.link.FrameLink;
import dev.macsec.decode.eap.EapFields;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.keys.EapTlsKeys;
import dev.macsec.mka.actor.MkpduEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The supplicant's PAE for EAP-TLS on a wired port (802.1X-2020 clause 8, much simplified): EAPOL-Start until the
 * authenticator speaks (retransmitted every start period, at most {@code maxStart} times, 802.1X's startPeriod and
 * maxStart), EAP-Response/Identity to EAP-Request/Identity, the {@link EapTlsPeer} for EAP-TLS requests, a Legacy Nak
 * proposing EAP-TLS for any other method, and EAP-Success or EAP-Failure ending it. A retransmitted request (same
 * Identifier, same octets) gets the same response again (RFC 3748 4.1). Everything goes to the PAE group address.
 * <p>
 * Like the MKA participant it does no I/O and keeps no clock: {@link #tick} and {@link #receive} take the time and
 * return the frames to send; {@link #runUntil} drives it on a {@link FrameLink} in real time.
 */
public final class Supplicant implements EapolActor {
    /** Where the authentication stands. */
    public enum Status { CONNECTING, AUTHENTICATING, AUTHENTICATED, FAILED, LOGGED_OFF }

    private static final int ETH_HEADER = 14;
    private static final int MIN_FRAME = 60;
    private static final int EAP_HEADER = 4;

    private final byte[] mac;
    private final String identity;
    private final EapTlsPeer method;
    private final int eapolVersion;
    private final long startPeriodMillis;
    private final int maxStart;

    private Status status = Status.CONNECTING;
    private String failure;
    private int startsSent;
    private long nextStartMillis = 0;
    private byte[] lastRequest;
    private byte[] lastResponse;
    private int requestsIn;
    private byte[] authenticatorMac;

    /**
     * @param mac               our port's MAC address (the frames' source)
     * @param eapolVersion      the EAPOL protocol version we send (3 for 802.1X-2010 and later)
     * @param startPeriodMillis between EAPOL-Starts while the authenticator is silent (802.1X: 30 s)
     * @param maxStart          EAPOL-Starts before giving up (802.1X: 3)
     */
    public Supplicant(byte[] mac, String identity, EapTlsPeer method, int eapolVersion, long startPeriodMillis, int maxStart) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC address is 6 octets, got " + mac.length);
        }
        this.mac = mac.clone();
        this.identity = identity;
        this.method = method;
        this.eapolVersion = eapolVersion;
        this.startPeriodMillis = startPeriodMillis;
        this.maxStart = maxStart;
    }

    public Status status() {
        return status;
    }

    /** Why the authentication failed (EAP-Failure, the TLS alert, a protocol error), or null. */
    public String failure() {
        return failure != null ? failure : method.failure();
    }

    public EapTlsPeer method() {
        return method;
    }

    /** The method's MSK, EMSK and Session-Id, once an EAP-Success ended it. */
    public Optional<EapTlsKeys.Material> keys() {
        return status == Status.AUTHENTICATED ? method.keys() : Optional.empty();
    }

    public int eapolStartsSent() {
        return startsSent;
    }

    public int eapRequestsReceived() {
        return requestsIn;
    }

    /** The source address of the authenticator's EAP, once one came. */
    public Optional<byte[]> authenticatorMac() {
        return Optional.ofNullable(authenticatorMac).map(byte[]::clone);
    }

    /** When {@link #tick} next has something to do (an EAPOL-Start), or {@code Long.MAX_VALUE}. */
    @Override
    public long nextDeadline() {
        return status == Status.CONNECTING && startsSent < maxStart ? nextStartMillis : Long.MAX_VALUE;
    }

    /** The EAPOL-Starts due at {@code nowMillis}. */
    @Override
    public List<byte[]> tick(long nowMillis) {
        if (status != Status.CONNECTING || startsSent >= maxStart || nowMillis < nextStartMillis) {
            return List.of();
        }
        startsSent++;
        nextStartMillis = nowMillis + startPeriodMillis;
        return List.of(eapol(EapolDecoder.TYPE_START, new byte[0]));
    }

    /** Starts over with EAPOL-Start, as after a link up or to ask for re-authentication. */
    public List<byte[]> restart(long nowMillis) {
        status = Status.CONNECTING;
        failure = null;
        startsSent = 0;
        nextStartMillis = nowMillis;
        lastRequest = null;
        lastResponse = null;
        return tick(nowMillis);
    }

    /** EAPOL-Logoff; the port is then unauthenticated until {@link #restart}. */
    public byte[] logoff() {
        status = Status.LOGGED_OFF;
        return eapol(EapolDecoder.TYPE_LOGOFF, new byte[0]);
    }

    /** One received frame in (anything not EAPOL-EAP is ignored), the frames to send out. */
    @Override
    public List<byte[]> receive(byte[] frame, long nowMillis) {
        if (frame.length < ETH_HEADER + 4 + EAP_HEADER || status == Status.LOGGED_OFF
                || ((frame[12] & 0xFF) << 8 | (frame[13] & 0xFF)) != EapolDecoder.ETHERTYPE
                || (frame[ETH_HEADER + 1] & 0xFF) != EapolDecoder.TYPE_EAP) {
            return List.of();
        }
        int bodyLength = (frame[ETH_HEADER + 2] & 0xFF) << 8 | (frame[ETH_HEADER + 3] & 0xFF);
        int eap = ETH_HEADER + 4;
        int eapLength = (frame[eap + 2] & 0xFF) << 8 | (frame[eap + 3] & 0xFF);
        if (eapLength < EAP_HEADER || eapLength > bodyLength || eap + eapLength > frame.length) {
            return List.of();
        }
        byte[] packet = Arrays.copyOfRange(frame, eap, eap + eapLength);
        int code = packet[0] & 0xFF;
        int id = packet[1] & 0xFF;
        switch (code) {
            case EapFields.REQUEST -> {
                authenticatorMac = Arrays.copyOfRange(frame, 6, 12);
                requestsIn++;
                if (lastRequest != null && Arrays.equals(lastRequest, packet)) {
                    return List.of(lastResponse.clone());
                }
                byte[] response = respond(id, packet);
                if (response == null) {
                    return List.of();
                }
                lastRequest = packet;
                lastResponse = eapol(EapolDecoder.TYPE_EAP, response);
                return List.of(lastResponse.clone());
            }
            case EapFields.SUCCESS -> {
                if (method.mayAcceptSuccess()) {
                    status = Status.AUTHENTICATED;
                } else if (status != Status.AUTHENTICATED) {
                    status = Status.FAILED;
                    failure = "EAP-Success before EAP-TLS allowed it (method state " + method.state() + ")";
                }
            }
            case EapFields.FAILURE -> {
                status = Status.FAILED;
                failure = method.failure() != null ? "EAP-Failure after " + method.failure() : "EAP-Failure";
            }
            default -> {
                // Initiate/Finish (RFC 6696) and unknown codes: silently discarded (RFC 3748 4)
            }
        }
        return List.of();
    }

    private byte[] respond(int id, byte[] request) {
        if (request.length < EAP_HEADER + 1) {
            return null;
        }
        int type = request[EAP_HEADER] & 0xFF;
        byte[] typeData = Arrays.copyOfRange(request, EAP_HEADER + 1, request.length);
        if (status == Status.CONNECTING || status == Status.AUTHENTICATED || status == Status.FAILED) {
            status = Status.AUTHENTICATING;
            failure = null;
        }
        return switch (type) {
            case EapFields.TYPE_IDENTITY -> response(id, type, identity.getBytes(StandardCharsets.UTF_8));
            case EapFields.TYPE_NOTIFICATION -> response(id, type, new byte[0]);
            case EapFields.TYPE_TLS -> response(id, type, method.process(typeData));
            // RFC 3748 5.3.1: the method we want instead
            default -> response(id, EapFields.TYPE_NAK, new byte[] {EapFields.TYPE_TLS});
        };
    }

    private static byte[] response(int id, int type, byte[] typeData) {
        int length = EAP_HEADER + 1 + typeData.length;
        byte[] out = new byte[length];
        out[0] = EapFields.RESPONSE;
        out[1] = (byte) id;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        out[4] = (byte) type;
        System.arraycopy(typeData, 0, out, EAP_HEADER + 1, typeData.length);
        return out;
    }

    private byte[] eapol(int type, byte[] body) {
        return EapolActor.frame(MkpduEncoder.paeGroupAddress(), mac, eapolVersion, type, body, MIN_FRAME);
    }
}
