"""The package build's one step beyond pyproject.toml: the embedded gazetteer goes into the wheel built.

build_py builds it with sitrep's own builder (sitrep.geo.packaged) from the tables in src/sitrep/data, so a
user's first run unpacks it instead of spending about 20 s building it. An editable install (`make`) skips
this and builds the gazetteer on first use, as a source checkout does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parent / "src"


class BuildPyWithGazetteer(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        sys.path.insert(0, str(SOURCE))  # the builder of this very source tree, not an installed sitrep
        from sitrep.geo.packaged import PACKAGED_FILE, write_packaged

        target = Path(self.build_lib) / "sitrep" / "data" / PACKAGED_FILE
        self.announce(f"building the embedded gazetteer into {target}", level=2)
        write_packaged(target)


setup(cmdclass={"build_py": BuildPyWithGazetteer})
