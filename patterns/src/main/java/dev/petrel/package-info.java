/**
 * Petrel's public API: a {@link dev.petrel.Node} and its sockets for push/pull, pub/sub and request/reply,
 * over TCP (ZMTP 3.1, interoperable with ZeroMQ) and inproc.
 */
package dev.petrel;
