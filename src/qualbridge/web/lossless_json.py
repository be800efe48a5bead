"""Django's JSON fixtures, keeping times to the microsecond (format ``qualbridge-json``).

Django's own JSON encoder cuts times to milliseconds; the audit chain hashes each event's time to
the microsecond, so a backup written with it would restore a chain that no longer verifies.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.serializers.json import Deserializer as JsonDeserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JsonSerializer


class LosslessEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JsonSerializer):
    def _init_options(self) -> None:
        self.options["cls"] = LosslessEncoder
        super()._init_options()


Deserializer = JsonDeserializer
