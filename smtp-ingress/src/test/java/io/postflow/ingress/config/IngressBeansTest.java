package io.postflow.ingress.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngressBeansTest {

    @Test
    void theServerNameIsADomainNeverAnAddressLiteral() {
        assertEquals(Optional.of("mx.example.test"), IngressBeans.asDomain("mx.example.test"));
        assertEquals(Optional.of("xn--bcher-kva.example"), IngressBeans.asDomain("bücher.example"));
        assertEquals(Optional.empty(), IngressBeans.asDomain("192.0.2.7"));
        assertEquals(Optional.empty(), IngressBeans.asDomain("fe80:0:0:0:1%eth0"));
        assertEquals(Optional.empty(), IngressBeans.asDomain(""));
        assertEquals(Optional.empty(), IngressBeans.asDomain("bad name"));
    }
}
