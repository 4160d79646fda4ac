package dk.kdnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class AbsentValuesFilterTest {

    @Test
    void aTypedPropertyTakesNullAsASecondTypeAndAnEnumNullAsAValue() {
        var schema = OASFactory.createSchema().addType(SchemaType.STRING)
                .enumeration(Arrays.asList("INCOME", "EXPENSE"));

        AbsentValuesFilter.allowNull(schema);

        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), schema.getType());
        assertEquals(Arrays.asList("INCOME", "EXPENSE", null), schema.getEnumeration());
    }

    @Test
    void aReferenceBecomesEitherTheReferenceOrNullKeepingItsExamples() {
        var schema = OASFactory.createSchema().ref("#/components/schemas/Side").addType(SchemaType.STRING)
                .examples(List.of("EXPENSE"));

        AbsentValuesFilter.allowNull(schema);

        assertNull(schema.getRef());
        assertNull(schema.getType());
        assertEquals(List.of("EXPENSE"), schema.getExamples());
        assertEquals("#/components/schemas/Side", schema.getAnyOf().get(0).getRef());
        assertEquals(List.of(SchemaType.NULL), schema.getAnyOf().get(1).getType());
    }

    @Test
    void anAllOfIsOneAlternativeAndNullTheOther() {
        var part = OASFactory.createSchema().ref("#/components/schemas/Location");
        var schema = OASFactory.createSchema().addAllOf(part);

        AbsentValuesFilter.allowNull(schema);

        assertNull(schema.getAllOf());
        assertEquals(List.of(part), schema.getAnyOf().get(0).getAllOf());
        assertEquals(List.of(SchemaType.NULL), schema.getAnyOf().get(1).getType());
    }

    @Test
    void nullIsAllowedOnce() {
        var schema = OASFactory.createSchema().addType(SchemaType.INTEGER);

        AbsentValuesFilter.allowNull(schema);
        AbsentValuesFilter.allowNull(schema);

        assertEquals(List.of(SchemaType.INTEGER, SchemaType.NULL), schema.getType());
    }
}
