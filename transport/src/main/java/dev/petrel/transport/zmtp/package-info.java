/**
 * The ZMTP 3.1 codec (accepting 3.0 peers): greeting, NULL mechanism, READY metadata, frames and commands.
 */
package dev.petrel.transport.zmtp;
