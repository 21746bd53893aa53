package io.postflow.gateway.imap.session;

/**
 * The IMAP extensions this server implements in full, announced in CAPABILITY after the
 * state-dependent part (STARTTLS, AUTH=, LOGINDISABLED). Add a name here only together with its
 * commands, response codes and transcript tests.
 */
public final class Extensions {

    /**
     * SASL-IR (RFC 4959) initial responses in AUTHENTICATE; UIDPLUS (RFC 4315) APPENDUID, COPYUID and
     * UID EXPUNGE; LITERAL+ (RFC 7888) non-synchronising literals; IDLE (RFC 2177); MOVE (RFC 6851);
     * NAMESPACE (RFC 2342); ID (RFC 2971); UNSELECT (RFC 3691); ENABLE (RFC 5161, for CONDSTORE);
     * CHILDREN (RFC 3348) \HasChildren / \HasNoChildren in LIST and LSUB; CONDSTORE (RFC 7162 §3.1)
     * MODSEQ, CHANGEDSINCE, UNCHANGEDSINCE, SEARCH MODSEQ and STATUS HIGHESTMODSEQ; SPECIAL-USE
     * (RFC 6154) attributes and the LIST option; LIST-EXTENDED (RFC 5258) selection and return
     * options, several patterns; CREATE-SPECIAL-USE (RFC 6154 §3) CREATE box (USE (\Sent));
     * LIST-STATUS (RFC 5819) RETURN (STATUS ...); QUOTA (RFC 9208) with the STORAGE resource.
     */
    public static final String ADVERTISED = "SASL-IR UIDPLUS LITERAL+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE"
            + " SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE";

    private Extensions() {
    }
}
