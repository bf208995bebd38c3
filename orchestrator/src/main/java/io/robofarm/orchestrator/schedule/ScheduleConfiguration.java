package io.robofarm.orchestrator.schedule;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * Quartz for schedules: the durable job every schedule trigger fires, and the job store's JDBC
 * delegate chosen from the database actually connected (PostgreSQL stores job data as bytea and
 * needs its own delegate; H2 works with the standard one), so one configuration serves both.
 */
@Configuration
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleConfiguration {

    @Bean
    JobDetail scheduleFireJob() {
        return JobBuilder.newJob(ScheduleFireJob.class)
                .withIdentity(ScheduleTriggers.FIRE_JOB)
                .withDescription("Queues a run of the schedule named in the trigger")
                .storeDurably()
                .build();
    }

    @Bean
    SchedulerFactoryBeanCustomizer jdbcDelegateForDatabase(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            if (isPostgreSql(dataSource)) {
                properties.put("org.quartz.jobStore.driverDelegateClass",
                        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            }
            factory.setQuartzProperties(properties);
        };
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
            return "PostgreSQL".equalsIgnoreCase(product);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database Quartz will use", e);
        }
    }
}
