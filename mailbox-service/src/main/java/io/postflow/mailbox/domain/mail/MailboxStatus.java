package io.postflow.mailbox.domain.mail;

/**
 * A mailbox of an account with what IMAP LIST, STATUS and SELECT report about it.
 *
 * @param id            stable id; survives renames
 * @param name          canonical name ({@link MailboxNames})
 * @param specialUse    RFC 6154 attribute such as {@code \Sent}, or null
 * @param subscribed    in the LSUB list (RFC 3501 §6.3.6)
 * @param uidValidity   UIDVALIDITY (RFC 3501 §2.3.1.1)
 * @param uidNext       UIDNEXT: the UID the next message will get
 * @param highestModseq HIGHESTMODSEQ (RFC 7162 §3.1.1)
 * @param messages      number of messages
 * @param unseen        number of messages without {@code \Seen}
 * @param recent        number of messages no session has claimed as {@code \Recent} yet
 * @param deletedBytes  octets of the messages marked {@code \Deleted}, what an EXPUNGE would free
 *                      (RFC 9208 DELETED-STORAGE); read for a single mailbox's STATUS only, else null
 */
public record MailboxStatus(long id, String name, String specialUse, boolean subscribed, long uidValidity, long uidNext,
                            long highestModseq, int messages, int unseen, int recent, Long deletedBytes) {
}
