package io.postflow.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * What every Postflow service serves on its HTTP port: readiness that reflects its real
 * dependencies, liveness, and Prometheus metrics. A service test extends this, annotated with
 * {@code @QuarkusTest} and its test resources, and names further readiness checks it expects.
 */
public abstract class ServiceEndpointsContract {

    /** Names of the readiness checks that must be present and UP; every service needs Kafka. */
    protected String[] readinessChecks() {
        return new String[] {"Kafka connection health check"};
    }

    @Test
    void readyWhenItsDependenciesAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(readinessChecks()));
    }

    @Test
    void live() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
