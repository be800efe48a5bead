"""E-mail notifications: the applicant hears of each step of their case, evaluators of their queue.

Each case event (an audit event, :mod:`qualbridge.web.audit`) that someone should hear about becomes a
:class:`~qualbridge.web.notifications.models.Notification` row in the event's own transaction, and a
background job sends it through Django's mail framework after the commit, in the recipient's language
(Japanese or English), from the templates under ``templates/notifications/<lang>/``.
"""
