/**
 * Internals of Petrel's sockets: the envelope codec, subject matching, routing strategies and receive queues.
 * Public only so the sockets in {@code dev.petrel} can use them; not API.
 */
package dev.petrel.patterns;
