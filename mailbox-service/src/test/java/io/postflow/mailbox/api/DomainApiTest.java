package io.postflow.mailbox.api;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createAlias;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.postflow.common.address.Domain;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DomainApiTest {

    @Test
    void createsADomainAndListsIt() {
        String name = uniqueDomain("create");
        admin().body(Map.of("name", name)).post("/api/v1/domains").then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/domains/" + name))
                .body("name", is(name))
                .body("unicode", is(name));
        admin().get("/api/v1/domains").then()
                .statusCode(200)
                .body("name", hasItem(name));
    }

    @Test
    void storesTheALabelAndAnswersBothForms() {
        String unicode = "bücher-" + uniqueDomain("idn");
        String ascii = Domain.parse(unicode).ascii();
        admin().body(Map.of("name", unicode.toUpperCase(Locale.ROOT))).post("/api/v1/domains").then()
                .statusCode(201)
                .body("name", is(ascii))
                .body("unicode", is(unicode));
        admin().get("/api/v1/domains").then().body("name", hasItem(ascii)).body("unicode", hasItem(unicode));
        // The same domain in its other form is the same domain.
        admin().body(Map.of("name", ascii)).post("/api/v1/domains").then()
                .statusCode(409)
                .body("error", is("conflict"))
                .body("detail", containsString(ascii));
    }

    @Test
    void refusesADomainThatExists() {
        String name = uniqueDomain("dup");
        createDomain(name);
        admin().body(Map.of("name", name)).post("/api/v1/domains").then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", is("conflict"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no spaces.test", "-lead.test", "trail-.test", "a..b.test", "example.test.", "123.456",
            "under_score.test", "xn--a.test"})
    void refusesAnInvalidName(String name) {
        admin().body(Map.of("name", name)).post("/api/v1/domains").then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", is("invalid_request"))
                .body("detail", containsString("domain"));
    }

    @Test
    void refusesAMissingName() {
        admin().body(Map.of()).post("/api/v1/domains").then()
                .statusCode(400)
                .body("detail", is("domain name is required"));
    }

    @Test
    void deletesADomainWithItsAliases() {
        String name = uniqueDomain("delete");
        createDomain(name);
        createAlias("info@" + name, "someone@remote.example");
        admin().delete("/api/v1/domains/" + name).then().statusCode(204);
        admin().get("/api/v1/domains").then().body("name", not(hasItem(name)));
        admin().delete("/api/v1/aliases/" + segment("info@" + name)).then().statusCode(404);
        // Created again, the domain starts empty: the old alias is gone for good.
        createDomain(name);
        createAlias("info@" + name, "someone-else@remote.example");
    }

    @Test
    void refusesToDeleteADomainThatStillHasAccounts() {
        String name = uniqueDomain("busy");
        createDomain(name);
        createAccount("alice@" + name);
        admin().delete("/api/v1/domains/" + name).then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("error", is("conflict"))
                .body("detail", containsString("1 account"));
        admin().get("/api/v1/domains").then().body("name", hasItem(name));
        admin().delete("/api/v1/accounts/" + segment("alice@" + name)).then().statusCode(204);
        admin().delete("/api/v1/domains/" + name).then().statusCode(204);
    }

    @Test
    void deletingAnUnknownDomainIs404() {
        admin().delete("/api/v1/domains/" + uniqueDomain("unknown")).then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", is("not_found"));
    }

    @Test
    void deletingAnInvalidDomainNameIs400() {
        admin().delete("/api/v1/domains/bad_name.test").then()
                .statusCode(400)
                .body("error", is("invalid_request"));
    }

    @Test
    void deletesByEitherForm() {
        String unicode = "straße-" + uniqueDomain("form");
        createDomain(unicode);
        admin().delete("/api/v1/domains/" + segment(unicode)).then().statusCode(204);
    }
}
