package io.postflow.mailbox.domain.mail;

/**
 * How an internal API path names a mailbox of its account: by id ({@code …/mailboxes/42/…}) or
 * by name ({@code …/mailboxes/by-name/…?name=Work/2026}). By name spares the gateway a lookup
 * before each IMAP command that names a mailbox (SELECT, STATUS, APPEND, COPY, DELETE, RENAME);
 * the selected mailbox keeps its id. A name is not a path segment because names contain '/'.
 *
 * @param id   the mailbox id, or null when named
 * @param name the canonical name ({@link MailboxNames#canonical}), or null when by id
 */
public record MailboxKey(Long id, String name) {

    /** The path segment that stands for "the mailbox named by the {@code name} query parameter". */
    public static final String BY_NAME = "by-name";
    /** The path template of a mailbox segment: an id or {@value #BY_NAME}. */
    public static final String SEGMENT = "{id: [0-9]+|by-name}";

    public MailboxKey {
        if ((id == null) == (name == null)) {
            throw new IllegalArgumentException("a mailbox key is an id or a name");
        }
    }

    public static MailboxKey of(long id) {
        return new MailboxKey(id, null);
    }

    public static MailboxKey named(String name) {
        return new MailboxKey(null, MailboxNames.canonical(name));
    }

    /** The key of a path segment and its {@code name} query parameter; INVALID when they do not fit. */
    public static MailboxKey parse(String segment, String name) {
        if (BY_NAME.equals(segment)) {
            if (name == null) {
                throw new MailRejection(MailRejection.Code.INVALID, "name is required with " + BY_NAME);
            }
            return named(name);
        }
        try {
            return of(Long.parseLong(segment));
        } catch (NumberFormatException e) {
            throw new MailRejection(MailRejection.Code.INVALID, "a mailbox is an id or " + BY_NAME);
        }
    }

    /** The id of an endpoint that serves only the selected mailbox, by id. */
    public static long idOnly(String segment) {
        if (BY_NAME.equals(segment)) {
            throw new MailRejection(MailRejection.Code.INVALID, "this call takes the mailbox by id");
        }
        return parse(segment, null).id();
    }

    public boolean byName() {
        return name != null;
    }

    /** The statement parameter: the id or the name. */
    public Object value() {
        return byName() ? name : id;
    }

    /** What a refusal says about the mailbox. */
    @Override
    public String toString() {
        return byName() ? name : "#" + id;
    }
}
