package io.robofarm.orchestrator.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * What a schedule's Quartz trigger runs: it hands the schedule id and fire time to
 * {@link ScheduledRuns}. Quartz creates one per fire through Spring, which injects the service.
 */
public class ScheduleFireJob implements Job {
    private final ScheduledRuns scheduledRuns;

    public ScheduleFireJob(ScheduledRuns scheduledRuns) {
        this.scheduledRuns = scheduledRuns;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long scheduleId = context.getMergedJobDataMap().getLong(ScheduleTriggers.SCHEDULE_ID);
        scheduledRuns.fire(scheduleId, context.getScheduledFireTime().toInstant());
    }
}
