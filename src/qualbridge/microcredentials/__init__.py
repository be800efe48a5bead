"""Micro-credentials: the record (title, provider, credits, level, outcomes, assessment, participation,
quality assurance, review date, stackability), the listing rules checked on input (NZQCF, EU 2022
Council Recommendation), and their evaluation: level placement through the comparability engine,
credit recognition toward a home qualification, and several stacked toward a qualification's total."""
