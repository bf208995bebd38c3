package io.robofarm.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Starts the orchestrator: REST API, dashboard, schedules and the farm of robot VMs in one process. */
@SpringBootApplication
public class RoboFarmApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoboFarmApplication.class, args);
    }

    /** The one clock every timestamp comes from, so tests can see time pass on their terms. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
