/**
 * Governed access: access requests decided by {@code data.dsx.request_access.decision} (granted,
 * denied, or pending a steward of the owning institution), steward approval (possibly fewer fields,
 * a shorter term) and denial, revocation, expiry, and the public register of approved uses.
 *
 * <p>{@code dsx.grants} is the system of record: each change writes the request's whole new state
 * (key {@code request:<id>}, a revision that grows by one per change), and {@link
 * io.dsx.gateway.access.AccessView} is rebuilt from the topic at start and follows it, so a restarted
 * gateway and a second gateway see the same requests, grants and revocations.
 */
package io.dsx.gateway.access;
