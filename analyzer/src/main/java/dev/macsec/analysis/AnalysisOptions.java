package dev.macsec.analysis;

import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;

/**
 * How the analyzer emulates the receiving SecY and how much it builds per frame.
 *
 * @param validateFrames        802.1AE validateFrames control
 * @param replayProtect         802.1AE replayProtect control
 * @param replayWindow          802.1AE replayWindow
 * @param profile               which receive rules to follow (ieee by default, or a device's deviations)
 * @param confidentialityOffset 0, 30 or 50
 * @param offsetOverridesMka    the user gave the offset: it also applies to SAKs learned from MKA, instead of the
 *                              offset their Distributed SAK announces (802.1X-2020 11.11.3)
 * @param dissect               build the full field tree of every frame (views, filters); off for summaries
 * @param threads               threads that verify and decrypt; 1 keeps everything on the caller's thread
 * @param showKeys              show the values of learned SAKs (the user asked for key material explicitly)
 */
public record AnalysisOptions(ValidateFrames validateFrames, boolean replayProtect, long replayWindow,
                              ReceiveProfile profile, int confidentialityOffset, boolean offsetOverridesMka,
                              boolean dissect, int threads, boolean showKeys) {

    /** The offset given applies to every SA, learned from MKA or not. */
    public AnalysisOptions(ValidateFrames validateFrames, boolean replayProtect, long replayWindow,
                           ReceiveProfile profile, int confidentialityOffset, boolean dissect, int threads) {
        this(validateFrames, replayProtect, replayWindow, profile, confidentialityOffset, true, dissect, threads, false);
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(ValidateFrames.STRICT, true, 0, ReceiveProfile.IEEE, 0, false, true, 1, false);
    }

    public AnalysisOptions withDissect(boolean value) {
        return new AnalysisOptions(validateFrames, replayProtect, replayWindow, profile, confidentialityOffset, offsetOverridesMka, value, threads, showKeys);
    }

    public AnalysisOptions withThreads(int value) {
        return new AnalysisOptions(validateFrames, replayProtect, replayWindow, profile, confidentialityOffset, offsetOverridesMka, dissect, value, showKeys);
    }

    public AnalysisOptions withShowKeys(boolean value) {
        return new AnalysisOptions(validateFrames, replayProtect, replayWindow, profile, confidentialityOffset, offsetOverridesMka, dissect, threads, value);
    }
}
