/**
 * The Kafka mail record contract: topic names, the envelope header and its JSON codec, trace ids.
 * The record value is always the raw RFC 5322 message, never re-encoded.
 */
package io.postflow.common.record;
