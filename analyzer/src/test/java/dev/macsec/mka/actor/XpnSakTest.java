package dev.macsec.mka.actor;

import dev.macsec.crypto.SaKey;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Dissection;
import dev.macsec.mka.protocol.MkaTimers;
import dev.macsec.keys.Xpn;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.ValidateFrames;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.macsec.mka.actor.TwoParticipantsTest.CAK128;
import static dev.macsec.mka.actor.TwoParticipantsTest.MAC_A;
import static dev.macsec.mka.actor.TwoParticipantsTest.MAC_B;
import static dev.macsec.mka.actor.TwoParticipantsTest.ethernet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An XPN SAK as our participant uses it on the wire: the salt is the Key Server's MI with the KN folded in
 * (802.1X-2020 9.8.1, 802.1AE-2018 10.7.8; the folding itself is checked against the standard's text in XpnTest), and
 * each SC's SSCI follows the SCIs, the greatest getting 1. MKAdaemon does the same on the wire: as Key Server with the
 * greater SCI it announces Key Server SSCI 1 in its Live Peer List and its kernel transmits with SSCI 1, ours with 2
 * (pcaps/mkad). A receiver that derives salt and SSCI this way, and not our participant's code, checks the frames.
 */
class XpnSakTest {
    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"GCM_AES_XPN_128", "GCM_AES_XPN_256"})
    void framesVerifyWithTheSaltOfTheKeyServersMiAndKnAndTheSsciOfTheSciOrder(CipherSuite suite) {
        // A (..:01, the lower SCI) is Key Server; B (..:02) has the greater SCI
        MkaParticipant a = new MkaParticipant(ActorConfig.of(CAK128, MAC_A).withPriority(16).withSeed(7L)
                .withCipherSuite(suite, true).withMkaVersion(3));
        MkaParticipant b = new MkaParticipant(ActorConfig.of(CAK128, MAC_B).withPriority(32).withSeed(8L)
                .withCipherSuite(suite, true).withMkaVersion(3));
        TwoParticipantsTest.Wire w = new TwoParticipantsTest.Wire(a, b);
        assertTrue(w.runUntil(() -> a.secured() && b.secured(), 10_000) >= 0,
                () -> "not secured: " + a.events() + "\n" + b.events());
        HeldSak k = a.latestKey();
        assertEquals(suite, k.saKey().suite());
        byte[] salt = Xpn.salt(a.mi().octets(), k.kn());

        byte[] fromA = a.protect(ethernet(MAC_B, MAC_A, "from the key server, SSCI 2"));
        byte[] fromB = b.protect(ethernet(MAC_A, MAC_B, "from the greater SCI, SSCI 1"));
        assertNotNull(fromA);
        assertNotNull(fromB);
        assertEquals(Verdict.OK, verdict(fromA, a.sci(), SaKey.of(suite, k.sak, 2, salt), suite));
        assertEquals(Verdict.OK, verdict(fromB, b.sci(), SaKey.of(suite, k.sak, 1, salt), suite));
        // and neither verifies with the other's SSCI or with a zero salt
        assertEquals(Verdict.NOT_VALID, verdict(fromA, a.sci(), SaKey.of(suite, k.sak, 1, salt), suite));
        assertEquals(Verdict.NOT_VALID, verdict(fromB, b.sci(), SaKey.of(suite, k.sak, 1, new byte[12]), suite));
        // the two participants agree with each other, both ways
        assertEquals(Verdict.OK, b.unprotect(fromA).verdict());
        assertEquals(Verdict.OK, a.unprotect(fromB).verdict());
        // 802.1X-2020 11.11.2: the Key Server's MKA v3 Live Peer List names its own SSCI (mkad's says 1 for its greater SCI)
        w.clock.advance(MkaTimers.HELLO_TIME);
        byte[] hello = a.tick(w.clock.millis()).get(0);
        Mkpdu m = EapolDecoder.decode(hello, 0, 0, 14, hello.length, new Dissection());
        assertEquals(2, m.find(ParameterSet.LivePeerList.class).orElseThrow().keyServerSsci());
    }

    private static Verdict verdict(byte[] frame, long sci, SaKey key, CipherSuite suite) {
        ReceiveSecY rx = new ReceiveSecY(new ReceiveSecY.Config(suite, ValidateFrames.STRICT, true, 0, 0),
                ReceiveProfile.IEEE);
        rx.addSc(sci).installSa(frame[14] & 0x03, key, 1);
        return rx.receive(RxFrame.of(frame));
    }
}
