package io.postflow.mailbox.domain.message;

/**
 * A Content-Type or Content-Disposition parameter as written: RFC 2231 names ("filename*0*") and
 * encoded values are kept raw, because IMAP clients decode them from BODYSTRUCTURE themselves.
 *
 * @param name  attribute as written
 * @param value value with the quoted-string quoting undone
 */
record MimeParam(String name, String value) {
}
