package io.postflow.mailbox.api;

import static io.postflow.mailbox.support.AdminClient.PASSWORD;
import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createAlias;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.postflow.common.address.MailAddress;
import io.postflow.mailbox.domain.password.PasswordHasher;
import io.postflow.mailbox.support.Database;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AccountApiTest {

    @Inject
    Pool pool;

    Database db;
    String domain;

    @BeforeEach
    void localDomain() {
        db = new Database(pool);
        domain = uniqueDomain("accounts");
        createDomain(domain);
    }

    @Test
    void createsAnAccountWithItsSixMailboxes() {
        String address = "Alice@" + domain.toUpperCase(Locale.ROOT);
        String key = "alice@" + domain;
        admin().body(Map.of("address", address, "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/accounts/" + key)) // "@" may stand in a path (RFC 3986 §3.3)
                .body("address", is(key))
                .body("quotaBytes", nullValue());

        admin().get("/api/v1/accounts/" + segment(key) + "/mailboxes").then()
                .statusCode(200)
                .body("name", contains("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive"))
                .body("messages", everyItem(is(0)))
                .body("unseen", everyItem(is(0)))
                .body("uidnext", everyItem(is(1)))
                .body("uidvalidity", everyItem(greaterThan(0)));

        List<Row> rows = db.query("SELECT m.name, m.special_use, m.uidvalidity, EXISTS (SELECT 1 FROM subscription s"
                + " WHERE s.account_id = m.account_id AND s.name = m.name) AS subscribed FROM mailbox m "
                + "JOIN account a ON a.id = m.account_id WHERE a.address = $1 ORDER BY m.id", key);
        assertThat(rows).extracting(row -> row.getString("special_use"))
                .containsExactly(null, "\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive");
        assertThat(rows).allMatch(row -> row.getBoolean("subscribed"));
        // RFC 3501 §2.3.1.1: every mailbox its own UIDVALIDITY from the sequence.
        assertThat(rows).extracting(row -> row.getLong("uidvalidity")).doesNotHaveDuplicates();
    }

    @Test
    void storesAnArgon2idHashOfThePassword() {
        createAccount("bob@" + domain);
        String phc = passwordHash("bob@" + domain);
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        assertThat(new PasswordHasher().verify(PASSWORD.toCharArray(), phc)).isTrue();
    }

    @Test
    void refusesAnAccountThatExistsWhateverTheCaseOfItsLocalPart() {
        createAccount("carol@" + domain);
        admin().body(Map.of("address", "CAROL@" + domain, "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", is("conflict"))
                .body("detail", containsString("carol@" + domain));
    }

    @Test
    void refusesAnAccountWhereAnAliasIs() {
        createAlias("info@" + domain, "someone@remote.example");
        admin().body(Map.of("address", "info@" + domain, "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(409)
                .body("error", is("conflict"))
                .body("detail", containsString("alias"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "two@@example.test", "a b@example.test", ".dot@example.test", "x@bad_domain.test",
            "\"unterminated@example.test"})
    void refusesAnInvalidAddress(String address) {
        admin().body(Map.of("address", address, "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(400)
                .body("error", is("invalid_request"))
                .body("detail", containsString("address"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 1025})
    void refusesAPasswordOutsideThePolicy(int length) {
        admin().body(Map.of("address", "dave@" + domain, "password", "p".repeat(length))).post("/api/v1/accounts").then()
                .statusCode(400)
                .body("error", is("invalid_request"))
                .body("detail", containsString("password"));
        admin().get("/api/v1/accounts/" + segment("dave@" + domain) + "/mailboxes").then().statusCode(404);
    }

    @Test
    void refusesMissingFields() {
        admin().body(Map.of("password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(400).body("detail", is("address is required"));
        admin().body(Map.of("address", "erin@" + domain)).post("/api/v1/accounts").then()
                .statusCode(400).body("detail", is("password is empty"));
    }

    @Test
    void refusesAnAccountOutsideTheLocalDomains() {
        admin().body(Map.of("address", "frank@" + uniqueDomain("elsewhere"), "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(422)
                .contentType(ContentType.JSON)
                .body("error", is("domain_not_local"));
        admin().body(Map.of("address", "frank@[192.0.2.1]", "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(422)
                .body("error", is("domain_not_local"));
    }

    @Test
    void changesThePasswordSoTheNewOneVerifies() {
        String key = "grace@" + domain;
        createAccount(key);
        String before = passwordHash(key);
        admin().body(Map.of("password", "a brand new passphrase")).patch("/api/v1/accounts/" + segment(key)).then()
                .statusCode(204);
        String after = passwordHash(key);
        assertThat(after).isNotEqualTo(before);
        PasswordHasher hasher = new PasswordHasher();
        assertThat(hasher.verify("a brand new passphrase".toCharArray(), after)).isTrue();
        assertThat(hasher.verify(PASSWORD.toCharArray(), after)).isFalse();
    }

    @Test
    void setsAndRemovesTheQuota() {
        String key = "heidi@" + domain;
        createAccount(key);
        admin().body(Map.of("quotaBytes", 1_073_741_824L)).patch("/api/v1/accounts/" + segment(key)).then().statusCode(204);
        assertThat(quota(key)).isEqualTo(1_073_741_824L);
        admin().body(Map.of("quotaBytes", 0)).patch("/api/v1/accounts/" + segment(key)).then().statusCode(204);
        assertThat(quota(key)).isZero();
        Map<String, Object> unlimited = new HashMap<>();
        unlimited.put("quotaBytes", null);
        admin().body(unlimited).patch("/api/v1/accounts/" + segment(key)).then().statusCode(204);
        assertThat(quota(key)).isNull();
    }

    @Test
    void changesPasswordAndQuotaTogether() {
        String key = "ivan@" + domain;
        createAccount(key);
        admin().body(Map.of("password", "another passphrase", "quotaBytes", 5000)).patch("/api/v1/accounts/" + segment(key)).then()
                .statusCode(204);
        assertThat(quota(key)).isEqualTo(5000L);
        assertThat(new PasswordHasher().verify("another passphrase".toCharArray(), passwordHash(key))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"quota\":5}", "{\"quotaBytes\":-1}", "{\"quotaBytes\":1.5}", "{\"quotaBytes\":\"lots\"}",
            "{\"password\":\"short\"}", "{\"password\":null}", "{\"password\":\"\"}", "null"})
    void refusesAPatchWithoutAValidChange(String body) {
        String key = "judy@" + domain;
        createAccount(key);
        String hash = passwordHash(key);
        admin().body(body).patch("/api/v1/accounts/" + segment(key)).then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", is("invalid_request"));
        assertThat(passwordHash(key)).isEqualTo(hash);
        assertThat(quota(key)).isNull();
    }

    @Test
    void patchingAnUnknownAccountIs404() {
        admin().body(Map.of("quotaBytes", 10)).patch("/api/v1/accounts/" + segment("nobody@" + domain)).then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", is("not_found"));
    }

    @Test
    void deletesAnAccountWithItsMailboxes() {
        String key = "ken@" + domain;
        createAccount(key);
        long accountId = db.single("SELECT id FROM account WHERE address = $1", key).getLong("id");
        admin().delete("/api/v1/accounts/" + segment(key)).then().statusCode(204);
        assertThat(db.count("SELECT count(*) FROM mailbox WHERE account_id = $1", accountId)).isZero();
        admin().get("/api/v1/accounts/" + segment(key) + "/mailboxes").then().statusCode(404);
        admin().delete("/api/v1/accounts/" + segment(key)).then()
                .statusCode(404)
                .body("error", is("not_found"));
    }

    @Test
    void deletingAnAccountReleasesItsMessageBodiesForTheSweeper() {
        String leaving = "leo@" + domain;
        String staying = "mia@" + domain;
        createAccount(leaving);
        createAccount(staying);
        long shared = insertBody();
        long own = insertBody();
        insertEntry(leaving, "INBOX", 1, shared);
        insertEntry(staying, "INBOX", 1, shared);
        insertEntry(leaving, "INBOX", 2, own);
        insertEntry(leaving, "Archive", 1, own);

        admin().delete("/api/v1/accounts/" + segment(leaving)).then().statusCode(204);

        Row sharedBody = db.single("SELECT ref_count, unreferenced_since FROM message_body WHERE id = $1", shared);
        assertThat(sharedBody.getInteger("ref_count")).isEqualTo(1);
        assertThat(sharedBody.getValue("unreferenced_since")).isNull();
        Row ownBody = db.single("SELECT ref_count, unreferenced_since FROM message_body WHERE id = $1", own);
        assertThat(ownBody.getInteger("ref_count")).isZero();
        assertThat(ownBody.getValue("unreferenced_since")).as("stamped for the delayed sweep").isNotNull();
        assertThat(db.count("SELECT count(*) FROM mailbox_message WHERE body_id = $1", own)).isZero();
    }

    @Test
    void acceptsInternationalAndSubaddressedAccountsInPaths() {
        String unicodeDomain = "bücher-" + uniqueDomain("idn");
        createDomain(unicodeDomain);
        String address = "jöran+tag@" + unicodeDomain;
        String key = MailAddress.parse(address, true).key();
        admin().body(Map.of("address", address, "password", PASSWORD)).post("/api/v1/accounts").then()
                .statusCode(201)
                .body("address", is(key));
        // The path may name the account in either domain form.
        admin().get("/api/v1/accounts/" + segment(address) + "/mailboxes").then().statusCode(200);
        admin().get("/api/v1/accounts/" + segment(key) + "/mailboxes").then().statusCode(200);
        admin().delete("/api/v1/accounts/" + segment(address)).then().statusCode(204);
    }

    @Test
    void listingTheMailboxesOfAnUnknownAccountIs404() {
        admin().get("/api/v1/accounts/" + segment("nobody@" + domain) + "/mailboxes").then()
                .statusCode(404)
                .body("error", is("not_found"));
        admin().get("/api/v1/accounts/not-an-address/mailboxes").then()
                .statusCode(400)
                .body("error", is("invalid_request"));
    }

    private String passwordHash(String key) {
        return db.single("SELECT password_hash FROM account WHERE address = $1", key).getString("password_hash");
    }

    private Long quota(String key) {
        return db.single("SELECT quota_bytes FROM account WHERE address = $1", key).getLong("quota_bytes");
    }

    private long insertBody() {
        byte[] content = ("Subject: test " + System.nanoTime() + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        return db.single("""
                INSERT INTO message_body (sha256, content, size, header_size, body_lines, envelope, body_structure,
                                          body_basic, parts, header_text, body_text)
                VALUES (sha256($1), $1, $2, 0, 1, '', '', '', '[]'::jsonb, '', '') RETURNING id
                """, Buffer.buffer(content), content.length).getLong("id");
    }

    /** An entry as the delivery path makes it: the body's count goes up with it. */
    private void insertEntry(String account, String mailbox, long uid, long bodyId) {
        db.query("""
                INSERT INTO mailbox_message (mailbox_id, uid, body_id, prefix, size, modseq, internal_date)
                SELECT m.id, $3, $4, ''::bytea, 10, 1, now() FROM mailbox m JOIN account a ON a.id = m.account_id
                WHERE a.address = $1 AND m.name = $2
                """, account, mailbox, uid, bodyId);
        db.query("UPDATE message_body SET ref_count = ref_count + 1 WHERE id = $1", bodyId);
    }
}
