package dk.kdnet.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters of a list that answers a {@link Page}: {@code @Valid @BeanParam Paging paging}. */
public class Paging {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "The page, counting from 0", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("" + Page.DEFAULT_SIZE)
    @Min(1)
    @Max(Page.MAX_SIZE)
    @Parameter(description = "Items per page, at most " + Page.MAX_SIZE, example = "20")
    public int size;
}
