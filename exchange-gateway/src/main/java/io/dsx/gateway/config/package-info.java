/** The gateway's settings: immutable, validated at start, every one documented and defaulted here. */
package io.dsx.gateway.config;
