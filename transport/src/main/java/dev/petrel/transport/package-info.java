/**
 * Petrel's transport layer: endpoint URIs, the I/O duty cycle, pipes to peers, and the media that carry them
 * (TCP speaking ZMTP 3.1, and inproc). Nothing here knows about messaging patterns.
 */
package dev.petrel.transport;
