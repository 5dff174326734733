package dev.macsec.conformance.eap;

import dev.macsec.conformance.eap.Authenticator.Answer;
import dev.macsec.conformance.eap.Authenticator.Request;
import dev.macsec.keys.RadiusCrypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A RADIUS client (RFC 2865) carrying EAP (RFC 3579) for an 802.1X authenticator (RFC 3580). Each
 * {@link #exchange} sends one Access-Request, retransmits it unchanged on timeout (RFC 2865 2.5: same Identifier and
 * Request Authenticator) and returns the first answer whose Response Authenticator and Message-Authenticator verify;
 * any other datagram is discarded silently (RFC 3579 3.2) and counted. An Access-Accept's MS-MPPE-Recv-Key and
 * MS-MPPE-Send-Key (RFC 2548) give the MSK as Recv-Key || Send-Key, the order hostapd uses (RFC 3748 has the
 * MSK's first half go to the authenticator as the Recv-Key).
 */
public final class RadiusClient implements AutoCloseable, Authenticator.Backend {
    static final int ACCESS_REQUEST = 1;
    static final int ACCESS_ACCEPT = 2;
    static final int ACCESS_REJECT = 3;
    static final int ACCESS_CHALLENGE = 11;

    static final int USER_NAME = 1;
    static final int NAS_IP_ADDRESS = 4;
    static final int FRAMED_MTU = 12;
    static final int VENDOR_SPECIFIC = 26;
    static final int STATE = 24;
    static final int CALLED_STATION_ID = 30;
    static final int CALLING_STATION_ID = 31;
    static final int NAS_PORT_TYPE = 61;
    static final int EAP_MESSAGE = 79;
    static final int MESSAGE_AUTHENTICATOR = 80;
    static final int EAP_KEY_NAME = 102;

    static final int VENDOR_MICROSOFT = 311;
    static final int MS_MPPE_SEND_KEY = 16;
    static final int MS_MPPE_RECV_KEY = 17;

    /** RFC 3580 3.19: NAS-Port-Type Ethernet. */
    private static final int PORT_TYPE_ETHERNET = 15;
    /** RFC 2865 3: a RADIUS packet is at most 4096 octets. */
    private static final int MAX_PACKET = 4096;
    private static final int MAX_ATTRIBUTE_VALUE = 253;

    /**
     * @param server          the RADIUS server's authentication address
     * @param secret          the shared secret's octets
     * @param nasIp           NAS-IP-Address (4 octets), the address the server's client entry names
     * @param timeout         how long to wait for an answer before retransmitting
     * @param attempts        how many times a request is sent in all
     * @param requestKeyName  whether to send an empty EAP-Key-Name (one zero octet, as hostapd's
     *                        {@code radius_auth_req_attr=102:x:00}), which FreeRADIUS answers with the EAP Session-Id
     * @param framedMtu       Framed-MTU (RFC 3580 3.10): how large the server may make its EAP-Requests' frames
     */
    public record Config(InetSocketAddress server, byte[] secret, byte[] nasIp, Duration timeout, int attempts,
                         boolean requestKeyName, int framedMtu) {
        public Config {
            secret = secret.clone();
            nasIp = nasIp.clone();
            if (nasIp.length != 4) {
                throw new IllegalArgumentException("NAS-IP-Address needs 4 octets, got " + nasIp.length);
            }
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
        }

        public static Config of(InetSocketAddress server, String secret, byte[] nasIp) {
            return new Config(server, secret.getBytes(StandardCharsets.UTF_8), nasIp, Duration.ofSeconds(3), 3, true,
                    1400);
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "RadiusClient.Config[" + server + ", secret " + secret.length + " octets]";
        }
    }

    private final Config config;
    private final DatagramSocket socket;
    private final SecureRandom random = new SecureRandom();
    private int identifier;
    private int discarded;
    private int retransmissions;
    private DatagramTap tap = (payload, from, to) -> {
    };

    /** Sees every RADIUS datagram the client sends and every one it receives, as it goes (to record them). */
    @FunctionalInterface
    public interface DatagramTap {
        void seen(byte[] payload, InetSocketAddress from, InetSocketAddress to) throws IOException;
    }

    public RadiusClient(Config config) throws IOException {
        this.config = config;
        this.socket = new DatagramSocket();
        this.identifier = random.nextInt(256);
    }

    public void tap(DatagramTap t) {
        tap = t;
    }

    /** Where our datagrams come from, as the server sees them: the loopback or the socket's address, our port. */
    private InetSocketAddress local() {
        InetAddress a = socket.getLocalAddress();
        if (a == null || a.isAnyLocalAddress()) {
            a = config.server().getAddress().isLoopbackAddress() ? InetAddress.getLoopbackAddress() : a;
        }
        return new InetSocketAddress(a, socket.getLocalPort());
    }

    /** Answers discarded: wrong Identifier, a bad authenticator, a missing Message-Authenticator, malformed. */
    public int discarded() {
        return discarded;
    }

    public int retransmissions() {
        return retransmissions;
    }

    @Override
    public Answer exchange(Request request) throws IOException {
        int id = identifier;
        identifier = (identifier + 1) & 0xFF;
        byte[] requestAuthenticator = new byte[16];
        random.nextBytes(requestAuthenticator);
        byte[] packet = accessRequest(id, requestAuthenticator, request);
        DatagramPacket out = new DatagramPacket(packet, packet.length, config.server());
        byte[] buffer = new byte[MAX_PACKET];
        for (int attempt = 0; attempt < config.attempts(); attempt++) {
            if (attempt > 0) {
                retransmissions++;
            }
            socket.send(out);
            tap.seen(packet, local(), config.server());
            long deadline = System.nanoTime() + config.timeout().toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    break;
                }
                tap.seen(Arrays.copyOf(in.getData(), in.getLength()), (InetSocketAddress) in.getSocketAddress(), local());
                Answer a = answer(Arrays.copyOf(in.getData(), in.getLength()), id, requestAuthenticator);
                if (a != null) {
                    return a;
                }
                discarded++;
            }
        }
        throw new IOException("RADIUS server " + config.server() + " did not answer Access-Request " + id + " ("
                + config.attempts() + " attempts, " + config.timeout().toMillis() + " ms each"
                + (discarded > 0 ? ", " + discarded + " answers discarded so far" : "") + ")");
    }

    byte[] accessRequest(int id, byte[] requestAuthenticator, Request r) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(ACCESS_REQUEST);
        b.write(id);
        b.write(0);
        b.write(0);
        b.writeBytes(requestAuthenticator);
        if (r.userName() != null) {
            attribute(b, USER_NAME, r.userName().getBytes(StandardCharsets.UTF_8));
        }
        attribute(b, NAS_IP_ADDRESS, config.nasIp);
        attribute(b, NAS_PORT_TYPE, new byte[] {0, 0, 0, PORT_TYPE_ETHERNET});
        attribute(b, CALLED_STATION_ID, stationId(r.authenticatorMac()).getBytes(StandardCharsets.US_ASCII));
        attribute(b, CALLING_STATION_ID, stationId(r.supplicantMac()).getBytes(StandardCharsets.US_ASCII));
        attribute(b, FRAMED_MTU, new byte[] {0, 0, (byte) (config.framedMtu() >> 8), (byte) config.framedMtu()});
        if (config.requestKeyName()) {
            attribute(b, EAP_KEY_NAME, new byte[1]);
        }
        if (r.state() != null) {
            attribute(b, STATE, r.state());
        }
        // RFC 3579 3.1: an EAP packet longer than one attribute goes in consecutive EAP-Message attributes
        byte[] eap = r.eap();
        for (int i = 0; i < eap.length; i += MAX_ATTRIBUTE_VALUE) {
            attribute(b, EAP_MESSAGE, Arrays.copyOfRange(eap, i, Math.min(eap.length, i + MAX_ATTRIBUTE_VALUE)));
        }
        int macOffset = b.size() + 2;
        attribute(b, MESSAGE_AUTHENTICATOR, new byte[16]);
        byte[] p = b.toByteArray();
        if (p.length > MAX_PACKET) {
            throw new IllegalArgumentException("Access-Request of " + p.length + " octets exceeds RADIUS's 4096");
        }
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        // RFC 3579 3.2: HMAC-MD5 over the request with the Message-Authenticator's value zero
        System.arraycopy(RadiusCrypto.hmacMd5(config.secret, p), 0, p, macOffset, 16);
        return p;
    }

    /** The answer to request {@code id}, or null to discard it. */
    Answer answer(byte[] p, int id, byte[] requestAuthenticator) {
        if (p.length < 20 || (p[1] & 0xFF) != id) {
            return null;
        }
        int len = (p[2] & 0xFF) << 8 | (p[3] & 0xFF);
        if (len < 20 || len > p.length) {
            return null;
        }
        int code = p[0] & 0xFF;
        if (code != ACCESS_ACCEPT && code != ACCESS_REJECT && code != ACCESS_CHALLENGE) {
            return null;
        }
        if (!RadiusCrypto.responseAuthenticatorOk(p, 0, len, requestAuthenticator, config.secret)) {
            return null;
        }
        ByteArrayOutputStream eap = new ByteArrayOutputStream();
        byte[] state = null;
        byte[] keyName = null;
        byte[] recv = null;
        byte[] send = null;
        int macAt = -1;
        for (int i = 20; i < len; ) {
            if (i + 2 > len) {
                return null;
            }
            int type = p[i] & 0xFF;
            int alen = p[i + 1] & 0xFF;
            if (alen < 2 || i + alen > len) {
                return null;
            }
            byte[] value = Arrays.copyOfRange(p, i + 2, i + alen);
            switch (type) {
                case EAP_MESSAGE -> eap.writeBytes(value);
                case STATE -> state = value;
                case EAP_KEY_NAME -> keyName = value;
                case MESSAGE_AUTHENTICATOR -> {
                    if (value.length != 16) {
                        return null;
                    }
                    macAt = i + 2;
                }
                case VENDOR_SPECIFIC -> {
                    // RFC 2548 2: Vendor-Id 311, then Vendor-Type, Vendor-Length, Salt and the encrypted String
                    if (value.length >= 6 + 2 && readInt(value, 0) == VENDOR_MICROSOFT
                            && (value[5] & 0xFF) == value.length - 4) {
                        int vendorType = value[4] & 0xFF;
                        byte[] encrypted = Arrays.copyOfRange(value, 6, value.length);
                        if (vendorType == MS_MPPE_RECV_KEY) {
                            recv = RadiusCrypto.decryptMppeKey(encrypted, requestAuthenticator, config.secret);
                        } else if (vendorType == MS_MPPE_SEND_KEY) {
                            send = RadiusCrypto.decryptMppeKey(encrypted, requestAuthenticator, config.secret);
                        }
                    }
                }
                default -> {
                }
            }
            i += alen;
        }
        // RFC 3579 3.2: a packet with EAP-Message and no valid Message-Authenticator is discarded
        if (eap.size() > 0 && macAt < 0) {
            return null;
        }
        if (macAt >= 0 && !RadiusCrypto.messageAuthenticatorOk(p, 0, len, macAt, requestAuthenticator, config.secret)) {
            return null;
        }
        byte[] eapPacket = eap.size() == 0 ? null : eap.toByteArray();
        return switch (code) {
            case ACCESS_CHALLENGE -> new Answer(Answer.Kind.CHALLENGE, eapPacket, state, null, null);
            case ACCESS_REJECT -> new Answer(Answer.Kind.REJECT, eapPacket, null, null, null);
            default -> {
                byte[] msk = null;
                if (recv != null && send != null) {
                    msk = new byte[recv.length + send.length];
                    System.arraycopy(recv, 0, msk, 0, recv.length);
                    System.arraycopy(send, 0, msk, recv.length, send.length);
                }
                yield new Answer(Answer.Kind.ACCEPT, eapPacket, state, msk, keyName);
            }
        };
    }

    private static void attribute(ByteArrayOutputStream b, int type, byte[] value) {
        b.write(type);
        b.write(value.length + 2);
        b.writeBytes(value);
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    /** RFC 3580 3.20, 3.21: the MAC address in ASCII, upper-case hex octets joined by hyphens. */
    static String stationId(byte[] mac) {
        StringBuilder s = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                s.append('-');
            }
            s.append(String.format(Locale.ROOT, "%02X", mac[i] & 0xFF));
        }
        return s.toString();
    }

    @Override
    public void close() {
        socket.close();
    }
}
