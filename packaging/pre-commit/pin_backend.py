"""A PEP 517 build backend for a package that is only a pin.

pre-commit installs a `language: python` hook repository with `pip install .`.
This repository's package has no code: its wheel is metadata that requires
postmortem-cli at the tag's version. Building it needs nothing from an index
(no setuptools), so pip can install the hooks from any index or folder that
has postmortem-cli (`PIP_INDEX_URL`, `PIP_FIND_LINKS`, `PIP_NO_INDEX`).

Reads `name`, `version`, `description`, `requires-python` and `dependencies`
from pyproject.toml's [project] table.
"""

import ast
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

_HERE = os.path.dirname(os.path.abspath(__file__))
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_SOURCES = ("pyproject.toml", "pin_backend.py", ".pre-commit-hooks.yaml", "README.md")


def _project():
    with open(os.path.join(_HERE, "pyproject.toml"), "rb") as file:
        text = file.read().decode("utf-8")
    try:
        import tomllib  # Python 3.11+

        return tomllib.loads(text)["project"]
    except ImportError:
        pass
    # Older Pythons: the [project] table as this repository writes it, one
    # `key = "string"` or `key = ["string", ...]` a line (both Python literals).
    project, table = {}, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            table = line.strip("[] ")
            continue
        if table == "project":
            key, _, value = line.partition("=")
            project[key.strip()] = ast.literal_eval(value.strip())
    return project


def _names():
    project = _project()
    name = re.sub(r"[-_.]+", "_", project["name"]).lower()
    return project, name, project["version"]


def _metadata(project):
    lines = [
        "Metadata-Version: 2.1",
        "Name: " + project["name"],
        "Version: " + project["version"],
    ]
    if "description" in project:
        lines.append("Summary: " + project["description"])
    if "requires-python" in project:
        lines.append("Requires-Python: " + project["requires-python"])
    lines += ["Requires-Dist: " + dependency for dependency in project.get("dependencies", [])]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _dist_info(project, name, version):
    dist_info = "{}-{}.dist-info".format(name, version)
    wheel = "Wheel-Version: 1.0\nGenerator: pin_backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return dist_info, {
        dist_info + "/METADATA": _metadata(project),
        dist_info + "/WHEEL": wheel.encode("utf-8"),
    }


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    project, name, version = _names()
    dist_info, files = _dist_info(project, name, version)
    for path, data in files.items():
        target = os.path.join(metadata_directory, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(data)
    return dist_info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project, name, version = _names()
    dist_info, files = _dist_info(project, name, version)
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("{},sha256={},{}".format(path, digest, len(data)))
    record.append(dist_info + "/RECORD,,")
    files[dist_info + "/RECORD"] = ("\n".join(record) + "\n").encode("utf-8")
    filename = "{}-{}-py3-none-any.whl".format(name, version)
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, _FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return filename


def build_sdist(sdist_directory, config_settings=None):
    project, name, version = _names()
    base = "{}-{}".format(name, version)
    filename = base + ".tar.gz"
    members = {"PKG-INFO": _metadata(project)}
    for source in _SOURCES:
        path = os.path.join(_HERE, source)
        if os.path.exists(path):
            with open(path, "rb") as file:
                members[source] = file.read()
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for path, data in sorted(members.items()):
            info = tarfile.TarInfo(base + "/" + path)
            info.size = len(data)
            info.mode = 0o644
            sdist.addfile(info, io.BytesIO(data))
    return filename
