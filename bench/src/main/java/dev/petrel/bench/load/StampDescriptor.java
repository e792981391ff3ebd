/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

/**
 * Layout of the stamp at the start of every load payload; the rest of the payload is filler.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |        Intended send time, System.nanoTime (little-endian)    |
 *  |                                                               |
 *  +---------------+-----------------------------------------------+
 *  |     Phase     |                  Reserved                     |
 *  +---------------+-----------------------------------------------+
 *  |                         Sender index                          |
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class StampDescriptor
{
    /** Offset of the intended send time. */
    static final int SEND_TIME_OFFSET = 0;

    /** Offset of the phase byte. */
    static final int PHASE_OFFSET = 8;

    /** Offset of the sending socket's index. */
    static final int SENDER_OFFSET = 12;

    /** The shortest payload that holds a stamp. */
    static final int LENGTH = 16;

    /** Phase of messages that only check the sockets are connected; never counted. */
    static final byte PHASE_PROBE = 0;

    /** Phase of warm-up messages; counted apart and discarded. */
    static final byte PHASE_WARMUP = 1;

    /** Phase of measured messages. */
    static final byte PHASE_MEASURED = 2;

    private StampDescriptor()
    {
    }
}
