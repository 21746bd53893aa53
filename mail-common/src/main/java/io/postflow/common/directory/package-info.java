/**
 * The directory record contract: what mailbox-service publishes on the compacted topic
 * {@code directory.addresses} and what smtp-ingress and relay-worker read in full to answer "is
 * this domain local, does this address exist, where does this alias go" without calling
 * mailbox-service. The record key is the canonical domain or address; a deletion is a tombstone
 * (a record with a null value).
 */
package io.postflow.common.directory;
