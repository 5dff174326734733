package dev.macsec.secy;

/** The validateFrames control of a receiving SecY (IEEE 802.1AE-2018 10.7.8). */
public enum ValidateFrames {
    /** Do not check the ICV of frames with C=0; deliver them as Unchecked. */
    DISABLED,
    /** Check the ICV, count failures Invalid, but deliver frames that fail (unless C=1). */
    CHECK,
    /** Check the ICV and discard every frame that fails, untagged frames too. */
    STRICT
}
