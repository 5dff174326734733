package dev.macsec.secy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.counter.Counter;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.SaKey;
import dev.macsec.suite.CipherSuite;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the emulated SecYs report: every counter 802.1AE keeps at each level they model, and nothing else. */
class CounterSnapshotTest {
    private static final SaKey KEY = SaKey.of(CipherSuite.GCM_AES_128,
            HexFormat.of().parseHex("ad7a2bd03eac835a6f620fdcb506b345"));

    @Test
    void receiveSecYReportsItsReceiveCounters() {
        ReceiveSecY s = new ReceiveSecY(ReceiveSecY.Config.strict(CipherSuite.GCM_AES_128), ReceiveProfile.IEEE);
        s.addSc(0x12153524C0895E81L).installSa(2, KEY, 1);
        SecYCounters c = s.counters();
        // the SecY's In* counters; its Out* ones belong to the transmit side, which a receive SecY does not model
        assertEquals(Set.of(Counter.IN_PKTS_UNTAGGED, Counter.IN_PKTS_NO_TAG, Counter.IN_PKTS_BAD_TAG,
                Counter.IN_PKTS_UNKNOWN_SCI, Counter.IN_PKTS_NO_SCI, Counter.IN_PKTS_OVERRUN), c.secY().values().keySet());
        ScCounters sc = c.receiveScs().get(0x12153524C0895E81L);
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.RECEIVE_SC)), sc.sc().values().keySet());
        assertEquals(Set.of(2), sc.sas().keySet());
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.RECEIVE_SA)), sc.sas().get(2).values().keySet());
        assertEquals(Optional.empty(), c.transmitSc());
    }

    @Test
    void transmitSecYReportsItsTransmitCounters() {
        TransmitSecY tx = new TransmitSecY(0x12153524C0895E81L).installSa(1, KEY, 1).encodingSa(1);
        byte[] plain = new byte[60];
        byte[] out = new byte[tx.maxOutputLength(plain.length)];
        tx.protect(plain, 0, plain.length, out, 0);
        tx.confidentiality(false).protect(plain, 0, plain.length, out, 0);
        tx.protectFrames(false).protect(plain, 0, plain.length, out, 0);
        SecYCounters c = tx.counters();
        // OutPktsTooLong is not reported: this SecY has no MAC whose maximum a frame could exceed
        assertEquals(Set.of(Counter.OUT_PKTS_UNTAGGED), c.secY().values().keySet());
        assertEquals(OptionalLong.of(1), c.secY(Counter.OUT_PKTS_UNTAGGED));
        assertEquals(List.of(), List.copyOf(c.receiveScs().keySet()));
        ScCounters sc = c.transmitSc().orElseThrow();
        assertEquals(Set.copyOf(Counter.of(Counter.Scope.TRANSMIT_SC)), sc.sc().values().keySet());
        assertEquals(Set.of(1), sc.sas().keySet());
        // 10.7.21-10.7.23: one frame each way on SA 1, the user data (60 - 12 octets of addresses) counted on the SC
        assertEquals(OptionalLong.of(1), c.transmitSa(1, Counter.OUT_PKTS_ENCRYPTED));
        assertEquals(OptionalLong.of(1), c.transmitSa(1, Counter.OUT_PKTS_PROTECTED));
        assertEquals(OptionalLong.of(48), c.transmitSc(Counter.OUT_OCTETS_ENCRYPTED));
        assertEquals(OptionalLong.of(48), c.transmitSc(Counter.OUT_OCTETS_PROTECTED));
    }
}
