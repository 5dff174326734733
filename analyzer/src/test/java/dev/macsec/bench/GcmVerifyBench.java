package dev.macsec.bench;

import dev.macsec.crypto.MacsecGcm;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.SecTag;
import dev.macsec.secy.FrameProtection;
import dev.macsec.suite.CipherSuite;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** MACsec verify+decrypt per frame vs raw JDK AES/GCM (init + doFinal on the same bytes). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GcmVerifyBench {
    @Param({"64", "512", "1500", "9000"})
    public int frameSize;
    @Param({"GCM_AES_128", "GCM_AES_256", "GCM_AES_XPN_128", "GCM_AES_XPN_256"})
    public String suite;

    private MacsecGcm gcm;
    private final SecTag tag = new SecTag();
    private byte[] frame;
    private byte[] out;
    private int frameLen;
    private Cipher raw;
    private SecretKeySpec rawKey;
    private byte[] rawIv;
    private long pn = 1;

    @Setup
    public void setup() throws Exception {
        CipherSuite s = CipherSuite.valueOf(suite);
        byte[] sak = new byte[s.keyLength()];
        SaKey key = SaKey.of(s, sak, 1, new byte[12]);
        gcm = new MacsecGcm(key);
        byte[] plain = new byte[frameSize - 32]; // protected frame = frameSize octets
        frame = new byte[frameSize + 64];
        frameLen = FrameProtection.protect(gcm, plain, 0, plain.length, 0x0102030405060001L,
                SecTag.TCI_SC | SecTag.TCI_E | SecTag.TCI_C, 0, pn, 0, frame, 0);
        tag.wrap(frame, 6, 12, frameLen);
        out = new byte[frameLen];
        raw = Cipher.getInstance("AES/GCM/NoPadding");
        rawKey = new SecretKeySpec(sak, "AES");
        rawIv = new byte[12];
        MacsecGcm.fillIv(key, 0x0102030405060001L, pn, rawIv);
    }

    @Benchmark
    public int macsecVerify() {
        // wrap + verify: what the receive path does per frame
        tag.wrap(frame, 6, 12, frameLen);
        int n = gcm.verify(tag.buffer(), 0, tag.etherTypeOffset(), tag.secureDataOffset(), tag.secureDataLength(),
                tag.encrypted(), 0x0102030405060001L, pn, 0, out, 0);
        if (n < 0) {
            throw new IllegalStateException("ICV");
        }
        return n;
    }

    @Benchmark
    public int rawJdkGcm() throws Exception {
        raw.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, rawIv));
        raw.updateAAD(frame, 0, 28);
        return raw.doFinal(frame, 28, frameLen - 28, out, 12);
    }
}
