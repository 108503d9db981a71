"""Custom-field changes reach every worker process without a restart.

Two separate Python processes stand in for gunicorn workers: each keeps
its definitions in memory, as a worker does between requests, and answers
"which custom fields do you see?" at each simulated request.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from lao_moha.customization import definitions
from lao_moha.customization.models import CustomField

pytestmark = pytest.mark.skipif(
    connection.vendor != "mysql" or not settings.REDIS_URL,
    reason="worker processes share MariaDB and Redis, as in production",
)

WORKER = """
import json, sys
import django
django.setup()
from lao_moha.customization import definitions

def seen():
    # One simulated request: the middleware pins the definitions.
    with definitions.pinned():
        return [[f.name, f.label_en] for f in definitions.active_fields("personnel.Official")]

print(json.dumps(seen()), flush=True)
for _line in sys.stdin:
    print(json.dumps(seen()), flush=True)
"""


class Worker:
    def __init__(self):
        name = connection.settings_dict["NAME"]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"mysql://root@127.0.0.1:3306/{name}",
            "REDIS_URL": settings.REDIS_URL,
            "LOG_LEVEL": "WARNING",
        }
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", WORKER],
            cwd=Path(settings.BASE_DIR),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.started = self.read()

    def read(self):
        return json.loads(self.process.stdout.readline())

    def request(self):
        self.process.stdin.write("next\n")
        self.process.stdin.flush()
        return self.read()

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=20)


@pytest.fixture
def workers(transactional_db):
    started = [Worker(), Worker(), Worker()]
    yield started
    for worker in started:
        worker.stop()
    definitions.forget()


def test_definitions_reach_every_worker(workers):
    assert [w.started for w in workers] == [[], [], []]

    cf = CustomField(
        doctype="personnel.Official",
        name="blood_group",
        field_type="text",
        label_lo="ກຸ່ມເລືອດ",
        label_en="Blood group",
    )
    cf.full_clean()
    cf.save()  # committed: the shared version moves on
    assert [w.request() for w in workers] == [[["blood_group", "Blood group"]]] * 3

    # A write that does not announce itself is not picked up: the workers
    # keep their copy until the version number changes.
    CustomField.objects.filter(pk=cf.pk).update(label_en="Blood type")
    assert workers[0].request() == [["blood_group", "Blood group"]]
    definitions.bump()
    assert [w.request() for w in workers] == [[["blood_group", "Blood type"]]] * 3

    cf.refresh_from_db()
    cf.name = "blood_type"
    cf.save()
    assert [w.request() for w in workers] == [[["blood_type", "Blood type"]]] * 3
    cf.removed_at = "2025-01-01T00:00:00Z"
    cf.save()
    assert [w.request() for w in workers] == [[], [], []]
