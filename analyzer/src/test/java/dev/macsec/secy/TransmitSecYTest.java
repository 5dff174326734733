package dev.macsec.secy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.counter.Counter;
import dev.macsec.decode.SecTag;
import dev.macsec.suite.CipherSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.OptionalLong;

class TransmitSecYTest {
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void protectsWhatTheReceiverAcceptsAndStopsAtTheLastPn(CipherSuite suite) {
        long last = suite.maxPn();
        TransmitSecY tx = new TransmitSecY(Peer.SCI).installSa(1, Peer.key(suite), last - 1).encodingSa(1).confidentialityOffset(30);
        ReceiveSecY rx = new ReceiveSecY(new ReceiveSecY.Config(suite, ValidateFrames.STRICT, true, 0, 30), ReceiveProfile.IEEE);
        rx.addSc(Peer.SCI).installSa(1, Peer.key(suite), last - 1);
        byte[] plain = Peer.plain(200);
        byte[] out = new byte[tx.maxOutputLength(plain.length)];
        for (int i = 0; i < 2; i++) {
            int n = tx.protect(plain, 0, plain.length, out, 0);
            RxFrame f = RxFrame.of(java.util.Arrays.copyOf(out, n));
            assertEquals(SecTag.TCI_SC | SecTag.TCI_E | SecTag.TCI_C, f.secTag().tci());
            assertEquals(1, f.secTag().an());
            assertEquals(Verdict.OK, rx.receive(f));
        }
        PnExhaustedException e = assertThrows(PnExhaustedException.class, () -> tx.protect(plain, 0, plain.length, out, 0));
        // the last PN is 2^32 - 1 (a 32-bit PN), or 2^64 - 1 with XPN; the message names the SA to replace
        String lastPn = suite.xpn() ? "0xffffffffffffffff" : "0xffffffff";
        assertTrue(e.getMessage().contains("AN 1 ") && e.getMessage().contains("exhausted its PNs (last " + lastPn + ")"),
                e.getMessage());
        assertEquals(OptionalLong.of(2), tx.counters().transmitSc(Counter.OUT_PKTS_ENCRYPTED));
        assertEquals(OptionalLong.of(400), tx.counters().transmitSc(Counter.OUT_OCTETS_ENCRYPTED));
    }
}
