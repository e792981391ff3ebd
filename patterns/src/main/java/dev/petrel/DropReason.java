package dev.petrel;

/**
 * Why a message was dropped; every drop is counted per peer under one of these.
 */
public enum DropReason
{
    /** The peer's queue was at its high-water mark and the policy dropped the new message. */
    HIGH_WATER_MARK,
    /** The policy discarded the oldest queued message to make room for a new one. */
    EVICTED_OLDEST,
    /** This socket's own receive queue was full (a slow subscriber). */
    RECEIVE_QUEUE_FULL,
    /** The message was malformed and could not be decoded. */
    MALFORMED
}
