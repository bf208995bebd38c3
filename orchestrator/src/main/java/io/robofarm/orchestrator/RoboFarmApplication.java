package io.robofarm.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the orchestrator: REST API, dashboard, schedules and the farm of robot VMs in one process. */
@SpringBootApplication
public class RoboFarmApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoboFarmApplication.class, args);
    }
}
