package dev.nightshift.platform.blob;

/**
 * A blob that is stored.
 *
 * @param key the SHA-256 of the content, 64 lowercase hex digits
 * @param size the content's length in bytes
 */
public record StoredBlob(String key, long size) {}
