package io.robofarm.orchestrator.schedule;

import io.robofarm.orchestrator.task.TaskDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes the schedules of a deleted task (in the deletion's transaction), so no trigger fires for a task that is gone. */
@Component
class TaskDeletedSchedules {
    private final ScheduleRepository schedules;
    private final ScheduleService service;

    TaskDeletedSchedules(ScheduleRepository schedules, ScheduleService service) {
        this.schedules = schedules;
        this.service = service;
    }

    @EventListener
    @Transactional
    public void onTaskDeleted(TaskDeleted event) {
        for (Schedule schedule : schedules.findByTaskId(event.taskId())) {
            service.delete(schedule.getId());
        }
    }
}
