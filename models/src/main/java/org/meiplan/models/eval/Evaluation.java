package org.meiplan.models.eval;

import java.util.List;

/**
 * The evaluator's verdict on a plan: metrics per request class, site, user and training job,
 * a summary, every violated constraint with its amount, and the assumptions made for parts
 * the plan left open.
 */
public record Evaluation(
        Summary summary,
        List<RequestMetrics> requests,
        List<SiteMetrics> sites,
        List<UserMetrics> users,
        List<JobMetrics> jobs,
        List<PlanViolation> violations,
        List<String> assumptions,
        List<GroupMetrics> groups) {

    public Evaluation {
        requests = List.copyOf(requests);
        sites = List.copyOf(sites);
        users = List.copyOf(users);
        jobs = List.copyOf(jobs);
        violations = List.copyOf(violations);
        assumptions = List.copyOf(assumptions);
        groups = List.copyOf(groups);
    }

    /** Whether the plan breaks no constraint. Missed SLOs and deadlines are metrics, not violations. */
    public boolean feasible() {
        return violations.isEmpty();
    }
}
