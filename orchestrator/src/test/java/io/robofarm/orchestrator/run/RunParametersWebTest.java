package io.robofarm.orchestrator.run;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The run endpoints refuse out-of-range parameters with a 400 naming the parameter, before any work is done:
 * Spring's built-in method validation checks them, with no validating proxy around the controllers.
 */
@WebMvcTest(controllers = {RunController.class, RunBatchController.class})
@AutoConfigureMockMvc(addFilters = false)
class RunParametersWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RunService service;

    @MockitoBean
    RunRepository runs;

    @MockitoBean
    RunLogStore logs;

    @Test
    void aLogLimitOutOfRangeIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/runs/7/logs").param("limit", "10001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.message").value("limit: must be less than or equal to 10000"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/runs/7/logs").param("limit", "-5").param("after", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "after: must be greater than or equal to 0; limit: must be greater than or equal to 1"));
        verifyNoInteractions(service, logs);
    }

    @Test
    void aLogLimitInRangeIsServed() throws Exception {
        mvc.perform(get("/api/runs/7/logs").param("limit", "10000").param("after", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId").value(7))
                .andExpect(jsonPath("$.next").value(3));
    }

    @Test
    void aPageSizeOutOfRangeIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/runs").param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("size: must be less than or equal to 500"));
        mvc.perform(get("/api/runs").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("page: must be greater than or equal to 0"));
        verifyNoInteractions(runs);
    }

    @Test
    void aBatchOutOfBoundsIsA400NamingTheParameter() throws Exception {
        mvc.perform(post("/api/tasks/1/runs/batch").param("priority", "5000")
                        .contentType(MediaType.APPLICATION_JSON).content("[{}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("priority: must be less than or equal to 1000"));
        mvc.perform(post("/api/tasks/1/runs/batch").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("body: A batch holds 1 to 1000 runs"));
        verifyNoInteractions(service);
    }
}
