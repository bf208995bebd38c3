package io.robofarm.orchestrator.farm;

import io.robofarm.vm.sched.SchedulerConfig;
import io.robofarm.vm.sched.VmScheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The robot-vm scheduler this node runs its VMs on, sized by {@link FarmProperties}. */
@Configuration
@EnableConfigurationProperties(FarmProperties.class)
class FarmConfiguration {

    /** Closed after the dispatcher stopped (beans are destroyed after lifecycles stop). */
    @Bean(destroyMethod = "close")
    VmScheduler vmScheduler(FarmProperties farm) {
        // The dispatcher never holds more than capacity runs, so admission control here is a backstop.
        return new VmScheduler(SchedulerConfig.defaults()
                .withWorkers(farm.workers())
                .withMaxLive(farm.capacity())
                .withMaxRunnable(farm.capacity()));
    }
}
