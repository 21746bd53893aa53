package io.postflow.gateway.mailbox;

/** APPENDUID data (RFC 4315). */
public record AppendResult(long uidValidity, long uid) {
}
