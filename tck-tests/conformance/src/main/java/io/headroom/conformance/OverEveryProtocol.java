package io.headroom.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs a contract case once per {@link Protocol}, passing the protocol's <em>name</em>: a String crosses
 * class loaders unchanged, whereas an enum argument made in JUnit's class loader does not match the
 * parameter type of a test instance that a framework (QuarkusUnitTest) loads in the application's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ValueSource(strings = {"HTTP_1_1", "H2C"})
public @interface OverEveryProtocol {
}
