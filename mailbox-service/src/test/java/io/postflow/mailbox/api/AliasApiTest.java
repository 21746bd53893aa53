package io.postflow.mailbox.api;

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
import static org.hamcrest.Matchers.is;

import io.postflow.common.address.Domain;
import io.postflow.mailbox.support.Database;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AliasApiTest {

    @Inject
    Pool pool;

    String domain;

    @BeforeEach
    void localDomain() {
        domain = uniqueDomain("aliases");
        createDomain(domain);
    }

    @Test
    void createsAnAliasWithCanonicalTargets() {
        createAccount("alice@" + domain);
        String remote = "Bob@Bücher.Example";
        String remoteKey = "bob@" + Domain.parse("bücher.example").ascii();
        admin().body(Map.of("address", "Info@" + domain, "targets", List.of("ALICE@" + domain, remote, "alice@" + domain)))
                .post("/api/v1/aliases").then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/aliases/info@" + domain))
                .body("address", is("info@" + domain))
                .body("targets", contains("alice@" + domain, remoteKey));
        String[] stored = new Database(pool).single("SELECT targets FROM alias WHERE address = $1", "info@" + domain)
                .getArrayOfStrings("targets");
        assertThat(Arrays.asList(stored)).containsExactly("alice@" + domain, remoteKey);
    }

    @Test
    void refusesAnInvalidAliasAddress() {
        admin().body(Map.of("address", "not an address", "targets", List.of("a@remote.example"))).post("/api/v1/aliases").then()
                .statusCode(400)
                .body("error", is("invalid_request"))
                .body("detail", containsString("address"));
    }

    @Test
    void refusesMissingOrEmptyTargets() {
        admin().body(Map.of("address", "sales@" + domain)).post("/api/v1/aliases").then()
                .statusCode(400).body("detail", containsString("targets"));
        admin().body(Map.of("address", "sales@" + domain, "targets", List.of())).post("/api/v1/aliases").then()
                .statusCode(400).body("detail", containsString("targets"));
    }

    @Test
    void refusesAnInvalidTarget() {
        admin().body(Map.of("address", "sales@" + domain, "targets", List.of("ok@remote.example", "broken@@remote.example")))
                .post("/api/v1/aliases").then()
                .statusCode(400)
                .body("error", is("invalid_request"))
                .body("detail", containsString("target"));
        admin().body("{\"address\":\"sales@" + domain + "\",\"targets\":[null]}").post("/api/v1/aliases").then()
                .statusCode(400);
    }

    @Test
    void refusesAnAliasToItself() {
        admin().body(Map.of("address", "loop@" + domain, "targets", List.of("LOOP@" + domain))).post("/api/v1/aliases").then()
                .statusCode(400)
                .body("detail", containsString("itself"));
    }

    @Test
    void refusesAnAliasThatExists() {
        createAlias("team@" + domain, "a@remote.example");
        admin().body(Map.of("address", "Team@" + domain, "targets", List.of("b@remote.example"))).post("/api/v1/aliases").then()
                .statusCode(409)
                .body("error", is("conflict"));
    }

    @Test
    void refusesAnAliasWhereAnAccountIs() {
        createAccount("owner@" + domain);
        admin().body(Map.of("address", "owner@" + domain, "targets", List.of("b@remote.example"))).post("/api/v1/aliases").then()
                .statusCode(409)
                .body("error", is("conflict"))
                .body("detail", containsString("account"));
    }

    @Test
    void refusesAnAliasOutsideTheLocalDomains() {
        admin().body(Map.of("address", "info@" + uniqueDomain("elsewhere"), "targets", List.of("a@" + domain)))
                .post("/api/v1/aliases").then()
                .statusCode(422)
                .contentType(ContentType.JSON)
                .body("error", is("domain_not_local"));
    }

    @Test
    void deletesAnAlias() {
        createAlias("gone@" + domain, "a@remote.example");
        admin().delete("/api/v1/aliases/" + segment("gone@" + domain)).then().statusCode(204);
        admin().delete("/api/v1/aliases/" + segment("gone@" + domain)).then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", is("not_found"));
        createAlias("gone@" + domain, "b@remote.example");
    }

    @Test
    void deletingAnAccountThroughTheAliasPathIs404() {
        createAccount("real@" + domain);
        admin().delete("/api/v1/aliases/" + segment("real@" + domain)).then().statusCode(404);
        admin().delete("/api/v1/aliases/" + segment("x@" + uniqueDomain("unknown"))).then().statusCode(404);
    }
}
