package dev.macsec.analysis;

import dev.macsec.capture.CaptureReader;
import dev.macsec.counter.SecYCounters;
import dev.macsec.crypto.CipherCache;
import dev.macsec.crypto.SaKey;
import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.FrameMeta;
import dev.macsec.decode.LinkLayer;
import dev.macsec.decode.SecTag;
import dev.macsec.decode.SecTagRule;
import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.FieldValue;
import dev.macsec.keys.KeysFile;
import dev.macsec.keys.SakEntry;
import dev.macsec.mka.Finding;
import dev.macsec.secy.ReceiveSecY;
import dev.macsec.secy.RxFrame;
import dev.macsec.secy.Verdict;
import dev.macsec.suite.CipherSuite;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The analyzer's one way through: capture frames → SecTAG → emulated receive SecY (verify, replay, counters)
 * and MKPDUs → MKA checker (which may teach the SecY new SAKs) → the caller's {@link FrameConsumer}.
 *
 * <p>With more than one thread, frames are copied into batches whose verification and decryption run on helper
 * threads and on the caller's own thread, which takes the newest batches no helper has started whenever the
 * helpers fall behind (so a helper that loses its core to the JIT or another process never stalls the run).
 * Replay state, counters, MKA and the consumer always see frames in capture order on the caller's thread.
 * Before an MKPDU is processed every frame ahead of it is finished, so keys learned from it apply exactly to
 * the frames that follow it.
 */
public final class Analyzer implements AutoCloseable {
    private static final int BATCH_FRAMES = 256;
    private static final int BATCH_BYTES = 1 << 20;

    private final AnalysisOptions options;
    private final ReceiveSecY secy;
    private final boolean secyEnabled;
    private final MkaSide mka;
    private final EapSide eap;
    private final FrameDecoder decoder = new FrameDecoder();
    private final FrameRecord record = new FrameRecord();
    private final SecTag cookedTag = new SecTag();
    /** Frames per verdict, by {@link Verdict#ordinal()}. */
    private final long[] verdicts = new long[Verdict.values().length];
    private final ExecutorService workers;
    private final ThreadLocal<CipherCache> workerCiphers = ThreadLocal.withInitial(CipherCache::new);
    private final ArrayDeque<Batch> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Batch> spare = new ArrayDeque<>();
    private final int maxInFlight;
    private final Stats stats = new Stats();
    /** The single-threaded path's one-frame batch, whose arena is the reader's own buffer. */
    private final Batch direct = new Batch(1, 0, CaptureReader.MAX_FRAME_LENGTH);

    private FrameConsumer consumer;
    private Batch filling;
    private long frameNumberBase;
    /** Frame number within the file being read, to continue the numbering across files. */
    private long lastFileFrame;

    public Analyzer(AnalysisOptions options, KeysFile keys) {
        this.options = options;
        CipherSuite suite = secySuite(keys);
        this.secy = new ReceiveSecY(new ReceiveSecY.Config(suite, options.validateFrames(), options.replayProtect(),
                options.replayWindow(), options.confidentialityOffset()), options.profile());
        this.secyEnabled = !keys.saks().isEmpty() || !keys.caks().isEmpty() || !keys.msks().isEmpty()
                || !keys.radius().isEmpty() || !keys.tlsKeyLog().isEmpty();
        installConfiguredSaks(keys);
        this.mka = new MkaSide(keys, secy, options.showKeys(), !options.offsetOverridesMka());
        this.eap = new EapSide(keys.radius(), keys.tlsKeyLog(), mka, options.showKeys());
        int threads = Math.max(1, options.threads());
        if (threads > 1) {
            // the caller's thread is one of the threads asked for: it reads, applies in order, and verifies too
            int helpers = threads - 1;
            AtomicInteger n = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(helpers, r -> {
                Thread t = new Thread(r, "macsec-verify-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.maxInFlight = 2 * threads;
        } else {
            this.workers = null;
            this.maxInFlight = 0;
        }
    }

    /** The XPN suites allow PN 0 in a SecTAG (9.12); use them for the SecY only when every SAK is XPN. */
    private static CipherSuite secySuite(KeysFile keys) {
        if (!keys.saks().isEmpty() && keys.saks().stream().allMatch(SakEntry::xpn)) {
            return keys.saks().get(0).cipherSuite();
        }
        return CipherSuite.GCM_AES_128;
    }

    private void installConfiguredSaks(KeysFile keys) {
        for (List<SakEntry> bound : SakEntry.bySa(keys.saks())) {
            long sci = bound.get(0).sci().getAsLong();
            var sc = secy.sc(sci) != null ? secy.sc(sci) : secy.addSc(sci);
            List<SaKey> candidates = new ArrayList<>(bound.size());
            long nextPn = -1;
            for (SakEntry sak : bound) {
                candidates.add(sak.saKey());
                // the lowest of the next PNs given, so that no entry's frames count Late for another's
                nextPn = Long.compareUnsigned(sak.nextPn().orElse(1), nextPn) < 0 ? sak.nextPn().orElse(1) : nextPn;
            }
            sc.installSa(bound.get(0).an().getAsInt(), candidates, nextPn);
        }
        for (SakEntry sak : keys.saks()) {
            if (sak.sci().isEmpty() || sak.an().isEmpty()) {
                // without SCI and AN the SAK is the one of whatever SC/AN the capture shows (ReceiveSecY)
                secy.addWildcardKey(sak.saKey());
            }
        }
    }

    public AnalysisOptions options() {
        return options;
    }

    /** The emulated receive SecY (counters, SCs). Read it after {@link #analyze} returns. */
    public ReceiveSecY secy() {
        return secy;
    }

    public boolean secyEnabled() {
        return secyEnabled;
    }

    /** Reads a whole capture, delivering every frame to the consumer in order. Frame numbers continue across calls. */
    public void analyze(CaptureReader reader, FrameConsumer consumer) throws IOException {
        this.consumer = consumer;
        long base = frameNumberBase;
        stats.start();
        try {
            while (reader.next()) {
                add(reader, base);
            }
            flushAll();
        } catch (RuntimeException | IOException e) {
            // deliver everything read before the damage, then report it
            flushAll();
            throw e;
        } finally {
            frameNumberBase = base + lastFileFrame;
            lastFileFrame = 0;
            stats.stop();
        }
    }

    private void add(CaptureReader reader, long base) throws IOException {
        int len = reader.capturedLength();
        if (workers == null) {
            // one thread: no copy, the frame is processed where the reader left it
            Batch d = direct;
            d.arena = reader.data();
            d.count = 0;
            d.used = reader.offset();
            record(d, reader, base, len);
            applyFrame(d, 0);
            return;
        }
        Batch b = filling;
        if (b == null || b.count == BATCH_FRAMES || b.used + len > BATCH_BYTES) {
            dispatch();
            b = filling = takeBatch();
        }
        System.arraycopy(reader.data(), reader.offset(), b.arena, b.used, len);
        int i = record(b, reader, base, len);
        b.used += len;
        if ((b.kind[i] == Batch.EAPOL || b.kind[i] == Batch.COOKED_EAPOL) && mka.learning()) {
            // keys may change here: finish everything before it, in order, then go on
            dispatch();
            flushAll();
        }
    }

    /** Notes the reader's current frame, already at {@code b.arena[b.used]}, as the batch's next entry. */
    private int record(Batch b, CaptureReader reader, long base, int len) {
        int i = b.count++;
        int at = b.used;
        b.offset[i] = at;
        b.length[i] = len;
        b.origLength[i] = reader.originalLength();
        b.number[i] = base + reader.frameNumber();
        b.fileNumber[i] = reader.frameNumber();
        b.timestamp[i] = reader.timestampNanos();
        b.linkType[i] = reader.linkType();
        b.file = reader.path();
        lastFileFrame = reader.frameNumber();
        stats.frames++;
        stats.bytes += len;
        RxFrame rx = b.rx[i];
        if (reader.linkType() == LinkLayer.LINKTYPE_ETHERNET) {
            rx.set(b.arena, at, len, b.out, b == direct ? 0 : at);
            b.kind[i] = rx.tagged() ? (secTagSnapped(rx.secTag(), at, reader.originalLength()) ? Batch.SNAPPED_MACSEC
                    : Batch.MACSEC) : isEapol(b.arena, at, len) ? Batch.EAPOL : Batch.OTHER;
        } else {
            b.kind[i] = cookedKind(b.arena, at, len, reader.linkType());
        }
        return i;
    }

    /**
     * Whether the capture ends inside a SecTAG that the frame on the wire held whole (snapshot length): no SC or SA can
     * be found for it, and the SecY that saw the whole frame did not count it a bad tag, as -V says.
     */
    private static boolean secTagSnapped(SecTag tag, int at, int originalLength) {
        if (!SecTagRule.TRUNCATED_SECTAG.in(tag.violations())) {
            return false;
        }
        int onTheWire = at + originalLength - tag.etherTypeOffset();
        int captured = tag.frameEnd() - tag.etherTypeOffset();
        int whole = captured >= 3 && !tag.hasSci() ? 8 : 16;
        return captured < onTheWire && onTheWire >= whole;
    }

    /**
     * Linux cooked captures (SLL, SLL2) carry the same protocols behind another link header: their MKPDUs go to MKA
     * and their MACsec frames are MACsec frames, whatever the view, as tshark reads them. Only the receive SecY cannot
     * take them: the header has no destination MAC, which the ICV covers.
     */
    private static int cookedKind(byte[] b, int at, int len, int linkType) {
        long inner = LinkLayer.innerEtherType(linkType, b, at, len);
        int type = inner < 0 ? -1 : (int) (inner >>> 32);
        return type == SecTag.ETHERTYPE ? Batch.COOKED_MACSEC : type == EapolDecoder.ETHERTYPE ? Batch.COOKED_EAPOL
                : Batch.NOT_ETHERNET;
    }

    private static boolean isEapol(byte[] b, int off, int len) {
        int type = LinkLayer.skipVlanTags(b, off + 12, off + len);
        return type >= 0 && LinkLayer.readU16(b, type) == EapolDecoder.ETHERTYPE;
    }

    private Batch takeBatch() {
        Batch b = spare.poll();
        if (b == null) {
            b = new Batch(BATCH_FRAMES, BATCH_BYTES);
        }
        b.count = 0;
        b.used = 0;
        b.verification = null;
        return b;
    }

    private void dispatch() throws IOException {
        Batch b = filling;
        filling = null;
        if (b == null || b.count == 0) {
            if (b != null) {
                spare.push(b);
            }
            return;
        }
        if (workers != null && secyEnabled) {
            FutureTask<Void> task = new FutureTask<>(() -> verifyBatch(b), null);
            b.verification = task;
            inFlight.add(b);
            workers.execute(task);
            while (inFlight.size() > maxInFlight) {
                helpVerify();
                complete(inFlight.poll());
            }
        } else {
            complete(b);
        }
    }

    /**
     * While the oldest batch is unfinished, verifies on this thread the newest batches that no helper has started
     * ({@link FutureTask#run} does nothing for a task another thread has started or finished), so that the helpers
     * and this thread meet in the middle instead of this one waiting.
     */
    private void helpVerify() {
        FutureTask<Void> oldest = inFlight.peek().verification;
        for (Iterator<Batch> it = inFlight.descendingIterator(); it.hasNext() && !oldest.isDone(); ) {
            it.next().verification.run();
        }
    }

    private void verifyBatch(Batch b) {
        CipherCache ciphers = workerCiphers.get();
        for (int i = 0; i < b.count; i++) {
            if (b.kind[i] == Batch.MACSEC) {
                secy.verify(b.rx[i], ciphers);
            }
        }
    }

    private void flushAll() throws IOException {
        dispatch();
        while (!inFlight.isEmpty()) {
            helpVerify();
            complete(inFlight.poll());
        }
    }

    private void complete(Batch b) throws IOException {
        if (b.verification != null) {
            try {
                b.verification.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while verifying frames");
            } catch (ExecutionException e) {
                throw new IllegalStateException("frame verification failed", e.getCause());
            }
        }
        for (int i = 0; i < b.count; i++) {
            applyFrame(b, i);
        }
        spare.push(b);
    }

    /** The ordered stage for one frame: SecY verdict and counters, MKA, dissection, then the consumer. */
    private void applyFrame(Batch b, int i) throws IOException {
        FrameRecord r = record;
        r.clear();
        r.file = b.file;
        r.number = b.number[i];
        r.fileFrameNumber = b.fileNumber[i];
        r.timestampNanos = b.timestamp[i];
        r.linkType = b.linkType[i];
        r.data = b.arena;
        r.offset = b.offset[i];
        r.capturedLength = b.length[i];
        r.originalLength = b.origLength[i];
        stats.firstTimestamp = Math.min(stats.firstTimestamp, r.timestampNanos);
        stats.lastTimestamp = Math.max(stats.lastTimestamp, r.timestampNanos);
        RxFrame rx = b.rx[i];
        int kind = b.kind[i];
        if (kind == Batch.MACSEC || kind == Batch.SNAPPED_MACSEC) {
            secTagFields(r, rx.secTag());
        } else if (kind == Batch.COOKED_MACSEC) {
            cookedSecTag(r);
        }
        if (secyEnabled && kind <= Batch.EAPOL) {
            Verdict v = workers != null ? secy.apply(rx) : secy.receive(rx);
            r.verdict = v;
            verdicts[v.ordinal()]++;
            if (kind == Batch.MACSEC) {
                if (rx.pn() != 0) {
                    r.pn = rx.pn();
                }
                if (rx.sci() != 0) {
                    r.sci = rx.sci();
                    r.sciKnown = true;
                }
                if (rx.outLength() >= 0 && v.delivered()) {
                    r.plain = rx.out();
                    r.plainOffset = rx.outOffset();
                    r.plainLength = rx.outLength();
                    r.keyLabel = rx.keyLabel();
                }
                mka.onDataFrame(r);
            }
        }
        if (kind == Batch.MACSEC || kind == Batch.COOKED_MACSEC || kind == Batch.SNAPPED_MACSEC) {
            stats.macsecFrames++;
        }
        boolean eapol = kind == Batch.EAPOL || kind == Batch.COOKED_EAPOL;
        boolean radius = (kind == Batch.OTHER || kind == Batch.NOT_ETHERNET)
                && EapSide.isRadius(r.linkType, r.data, r.offset, r.capturedLength);
        if (!eapol && !radius) {
            eap.onTime(r.number, r.timestampNanos);
        }
        if (eapol || radius || options.dissect()) {
            Dissection d = new Dissection();
            decoder.decode(FrameMeta.ofNanos(r.number, r.timestampNanos, r.originalLength, r.capturedLength), r.linkType, r.data, r.offset, r.capturedLength, d);
            r.mkpdu = decoder.lastMkpdu();
            if (r.mkpdu != null) {
                stats.mkpdus++;
                eap.onMkpdu(r, d);
                r.mka = mka.onMkpdu(r);
                mka.onMkpduAnomalies(r, d);
            } else if (eapol || radius) {
                eap.onFrame(r, d);
                if (eapol) {
                    mka.onEapol(r);
                }
            }
            if (options.dissect()) {
                addAnalysisLayer(r, d);
                if (r.hasPlaintext()) {
                    decoder.decodeInner(r.plain, r.plainOffset, r.plainLength, d);
                }
                r.dissection = d;
            }
        }
        consumer.accept(r);
    }

    /** The SecTAG fields of a MACsec frame in a cooked capture, which no receive SecY sees. */
    private void cookedSecTag(FrameRecord r) {
        long inner = LinkLayer.innerEtherType(r.linkType, r.data, r.offset, r.capturedLength);
        int payload = (int) inner;
        secTagFields(r, cookedTag.wrap(r.data, LinkLayer.sourceMacOffset(r.linkType, r.data, r.offset, r.capturedLength),
                payload - 2, r.offset + r.capturedLength));
    }

    /**
     * The SecTAG fields the capture holds: a capture may end inside the SecTAG (snapshot length, or a frame cut short),
     * and what it does not hold is not shown, rather than read from the bytes after the frame.
     */
    private static void secTagFields(FrameRecord r, SecTag tag) {
        int have = Math.max(0, r.offset + r.capturedLength - (tag.etherTypeOffset() + 2));
        r.macsec = true;
        r.secTagOctets = have;
        if (have >= 1) {
            r.tciAn = tag.tciAnOctet();
            r.sciExplicit = tag.hasSci();
            long sci = tag.hasSci() ? (have >= 14 ? tag.sci() : -1) : tag.implicitSci();
            r.sciKnown = sci != -1;
            r.sci = r.sciKnown ? sci : 0;
        }
        if (have >= 6) {
            r.pn = tag.pn();
        }
    }

    private static void addAnalysisLayer(FrameRecord r, Dissection d) {
        if (r.verdict == null && r.mka == null) {
            return;
        }
        FieldValue layer = d.addLayer(AnalysisFields.ANALYSIS, 0, 0);
        if (r.verdict != null) {
            // untagged frames too: the receive SecY counts every frame (untagged or no tag, 802.1AE 10.6.1)
            layer.add(AnalysisFields.VERDICT, -1, 0, r.verdict.name());
            if (r.verdict.counter() != null) {
                layer.add(AnalysisFields.COUNTER, -1, 0, r.verdict.counter().managedObject());
            }
        }
        if (r.verdict != null && r.macsec) {
            layer.add(AnalysisFields.DECRYPTED, -1, 0, r.hasPlaintext());
            if (r.keyLabel != null) {
                layer.add(AnalysisFields.KEY, -1, 0, r.keyLabel);
            }
            if ((r.pn >>> 32) != 0) {
                layer.add(AnalysisFields.FULL_PN, -1, 0, r.pn);
            }
        }
        if (r.mka != null) {
            layer.add(AnalysisFields.MKA_ICV, -1, 0, r.mka.icvStatus());
            if (r.mka.keyName() != null) {
                layer.add(AnalysisFields.MKA_KEY, -1, 0, r.mka.keyName());
            }
            for (String learned : r.mka.learned()) {
                layer.add(AnalysisFields.MKA_LEARNED, -1, 0, learned);
            }
            for (Finding f : r.mka.findings()) {
                layer.add(AnalysisFields.FINDING, -1, 0, f.severity() + " " + f.message() + " {" + f.code() + "}");
                d.addAnalysisExpert(new Expert(f.severity(), f.code(), f.message(), -1, 0));
            }
        }
    }

    /** Ends the run: MKA end-of-capture checks. */
    public AnalysisSummary finish() {
        mka.finish(stats.lastTimestamp);
        eap.finish();
        return summarySoFar();
    }

    /**
     * What the run has counted so far, without the end-of-capture checks: for a run that stopped at an error, even
     * one in {@link #finish} itself.
     */
    public AnalysisSummary summarySoFar() {
        return new AnalysisSummary(stats.snapshot(), verdictCounts(), secyEnabled ? secy.counters() : SecYCounters.NONE, mka.summary(),
                secyEnabled, options, null, eap.summary());
    }

    private Map<Verdict, Long> verdictCounts() {
        Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            if (verdicts[v.ordinal()] != 0) {
                m.put(v, verdicts[v.ordinal()]);
            }
        }
        return m;
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Frames copied out of the reader's buffer so that workers can verify them while the reader reads on. */
    private static final class Batch {
        static final int OTHER = 0;
        static final int MACSEC = 1;
        static final int EAPOL = 2;
        static final int NOT_ETHERNET = 3;
        /** MACsec and EAPOL behind a Linux cooked (SLL, SLL2) header: no SecY, MKA all the same. */
        static final int COOKED_MACSEC = 4;
        static final int COOKED_EAPOL = 5;
        /** A MACsec frame whose SecTAG the capture holds only in part (snapshot length): shown, not verified. */
        static final int SNAPPED_MACSEC = 6;

        byte[] arena;
        final byte[] out;
        final RxFrame[] rx;
        final int[] offset;
        final int[] length;
        final int[] origLength;
        final long[] number;
        final long[] fileNumber;
        final long[] timestamp;
        final int[] linkType;
        final int[] kind;
        java.nio.file.Path file;
        int count;
        int used;
        /** Verification of the batch's frames, run by a helper or by the caller's thread, whichever starts it first. */
        FutureTask<Void> verification;

        Batch(int frames, int bytes) {
            this(frames, bytes, bytes);
        }

        Batch(int frames, int bytes, int outBytes) {
            arena = new byte[bytes];
            out = new byte[outBytes];
            rx = new RxFrame[frames];
            for (int i = 0; i < frames; i++) {
                rx[i] = new RxFrame();
            }
            offset = new int[frames];
            length = new int[frames];
            origLength = new int[frames];
            number = new long[frames];
            fileNumber = new long[frames];
            timestamp = new long[frames];
            linkType = new int[frames];
            kind = new int[frames];
        }
    }

    /** Run figures for the summary. */
    static final class Stats {
        long frames;
        long bytes;
        long macsecFrames;
        long mkpdus;
        long firstTimestamp = Long.MAX_VALUE;
        long lastTimestamp;
        long wallNanos;
        private long startedAt;

        void start() {
            startedAt = System.nanoTime();
        }

        void stop() {
            wallNanos += System.nanoTime() - startedAt;
        }

        AnalysisSummary.RunStats snapshot() {
            return new AnalysisSummary.RunStats(frames, bytes, macsecFrames, mkpdus, wallNanos,
                    frames == 0 ? 0 : firstTimestamp, lastTimestamp);
        }
    }
}
