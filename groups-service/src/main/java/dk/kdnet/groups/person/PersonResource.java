package dk.kdnet.groups.person;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.groups.body.BodyApi.MemberView;
import dk.kdnet.groups.body.BodyMapper;
import dk.kdnet.groups.body.BodyService;
import dk.kdnet.groups.person.PersonApi.PersonRequest;
import dk.kdnet.groups.person.PersonApi.PersonView;
import dk.kdnet.security.Caller;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/groups/persons")
@Tag(name = "Persons", description = "People who sit in bodies or staff secretariats; erasable (GDPR)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PersonResource {

    @Inject
    PersonService persons;

    @Inject
    PersonMapper mapper;

    @Inject
    BodyService bodies;

    @Inject
    BodyMapper bodyMapper;

    @Inject
    AuditHistory history;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List persons by name")
    public Page<PersonView> list(@Valid @BeanParam Paging paging) {
        var result = persons.list(paging.page, paging.size);
        return new Page<>(result.items().stream().map(this::view).toList(), paging.page, paging.size, result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Register a person")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "422", description = "Unknown employer organization")
    public Response register(@NotNull @Valid PersonRequest request, UriInfo uri) {
        var person = persons.register(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(person.id.toString()).build())
                .entity(view(person)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one person")
    public PersonView get(@PathParam("id") UUID id) {
        return view(persons.get(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a person's name, title, employer or e-mail")
    @APIResponse(responseCode = "200", description = "The changed person")
    @APIResponse(responseCode = "409", description = "The person was erased")
    public PersonView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PersonRequest request) {
        return view(persons.update(id, ifMatch, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Erase the person's personal data (GDPR), here and in the audit history; seats stay, "
            + "shown as an erased person")
    public PersonView erase(@PathParam("id") UUID id) {
        return view(persons.erase(id));
    }

    // The audit names the staff who made each change: not for anonymous callers or clients.
    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "Audited changes of a person, oldest first (erased data is scrubbed)")
    public List<AuditHistory.Entry<PersonView>> history(@PathParam("id") UUID id) {
        return history.of(Person.class, id, "person", mapper::toView);
    }

    @GET
    @Path("/{id}/bodies")
    @Operation(summary = "The person's seats in bodies, on a date or ever")
    public List<MemberView> seats(@PathParam("id") UUID id,
            @Parameter(description = "The seats held on this day; every seat ever when absent", example = "2023-08-25")
            @QueryParam("on") LocalDate on) {
        return bodies.seatsOf(id, on).stream()
                .map(seat -> bodyMapper.toView(seat.membership(), seat.personName(), seat.bodyName())).toList();
    }

    private PersonView view(Person person) {
        return caller.seesInternal() ? mapper.toView(person) : mapper.toPublicView(person);
    }
}
