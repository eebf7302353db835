#!/usr/bin/env python3
"""Run the Ralph LRS (PyPI `ralph-malph`, 5.1.0) on its file backend for the xAPI tests.

    ralph_lrs.py DATA_DIR PORT        (RALPH_APP_DIR must hold auth.json from `ralph auth`)

This is `ralph runserver -b fs --fs-default-directory-path DATA_DIR -h 127.0.0.1 -p PORT`
with one change: Ralph 5.1.0's file backend writes each POST with operation "index", which
refuses to write when its statements file already exists, so every POST after the first
fails with 500 ("already exists and overwrite is not allowed"). Here it appends instead.
Validation of statements (its pydantic xAPI models), ids, conflicts (409), idempotent
resends (204), authentication and GET queries are Ralph's own, unchanged.
"""
import os
import sys

data_dir, port = sys.argv[1], int(sys.argv[2])
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = data_dir

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402

uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
