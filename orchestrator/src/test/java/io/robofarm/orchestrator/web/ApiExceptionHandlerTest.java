package io.robofarm.orchestrator.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The error body for each kind of failure, on a web slice with a probe controller that fails on request. */
@WebMvcTest(controllers = ApiExceptionHandlerTest.Probe.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiExceptionHandlerTest.Probe.class)
class ApiExceptionHandlerTest {

    @Autowired
    MockMvc mvc;

    @RestController
    static class Probe {
        @GetMapping("/probe/{kind}")
        String fail(@PathVariable String kind) {
            switch (kind) {
                case "missing" -> throw new NotFoundException("No probe here");
                case "taken" -> throw new ConflictException("Name taken");
                case "wrong" -> throw new InvalidInputException("Wrong value");
                case "integrity" -> throw new DataIntegrityViolationException("constraint XYZ violated");
                case "bug" -> throw new IllegalStateException("secret internal detail");
                default -> {
                    return "ok";
                }
            }
        }

        @PostMapping("/probe")
        String body(@Valid @RequestBody Thing thing) {
            return thing.name();
        }

        @GetMapping("/probe")
        String page(@RequestParam(defaultValue = "0") @Min(0) int after,
                    @RequestParam("per-page") @Min(1) @Max(500) int limit) {
            return after + "/" + limit;
        }

        record Thing(@NotBlank String name, @Min(1) int size) {
        }
    }

    @Test
    void apiExceptionsKeepTheirStatusAndMessage() throws Exception {
        mvc.perform(get("/probe/missing")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.error").value("Not Found"))
                .andExpect(jsonPath("$.message").value("No probe here"))
                .andExpect(jsonPath("$.detail").value("No probe here"));
        mvc.perform(get("/probe/taken")).andExpect(status().isConflict()).andExpect(jsonPath("$.message").value("Name taken"));
        mvc.perform(get("/probe/wrong")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("Wrong value"));
    }

    @Test
    void aDatabaseConflictIs409WithoutTheDatabaseText() throws Exception {
        mvc.perform(get("/probe/integrity")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("XYZ"))));
    }

    @Test
    void aBugIs500WithoutInternals() throws Exception {
        mvc.perform(get("/probe/bug")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.message").value("Internal error; the server log has the details"));
    }

    @Test
    void validationErrorsNameEachField() throws Exception {
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"size\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("name: must not be blank; size: must be greater than or equal to 1"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("size"));
    }

    @Test
    void invalidRequestParametersAreEachNamedAsTheClientSentThem() throws Exception {
        mvc.perform(get("/probe").param("after", "-1").param("per-page", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.message").value(
                        "after: must be greater than or equal to 0; per-page: must be less than or equal to 500"))
                .andExpect(jsonPath("$.errors[0].field").value("after"))
                .andExpect(jsonPath("$.errors[1].field").value("per-page"))
                .andExpect(jsonPath("$.errors[1].message").value("must be less than or equal to 500"));
        mvc.perform(get("/probe").param("per-page", "500")).andExpect(status().isOk()).andExpect(content().string("0/500"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"size\":\"big\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Field 'size' has the wrong type (expected int)"));
    }
}
