"""The training mode: training offices, trainees' attempts at training cases, scoring and the supervisor's page."""
