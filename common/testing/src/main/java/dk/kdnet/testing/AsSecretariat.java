package dk.kdnet.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of API tests whose requests are the secretariat's unless a test says otherwise
 * ({@code given().auth().none()} for an anonymous caller, {@code given().auth().oauth2(member())}).
 */
public abstract class AsSecretariat {

    @BeforeEach
    void callAsSecretariat() {
        RestAssured.authentication = RestAssured.oauth2(secretariat());
    }

    @AfterEach
    void forgetCaller() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    protected static String secretariat() {
        return TestInfrastructure.tokens().forRole("secretariat");
    }

    protected static String member() {
        return TestInfrastructure.tokens().forRole("member");
    }
}
