"""The public decision database: decided cases an office chose to publish, without personal data.

The Danish assessment database shows the outcome of each published case; this one also shows its
reasons (the five elements and whether a substantial difference was found), as the conventions ask
decisions to be consistent, reasoned and transparent. Publication is off by default, chosen per case
by a senior evaluator or administrator of the deciding office, and what is published is a snapshot
taken at that moment (:func:`.record.public_record`): nothing the case holds later leaks into it.
"""
