"""Templates for the round-trip laws: two separately installed databases, made once."""

from __future__ import annotations

import pytest
from study_data import Templates


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    folder = tmp_path_factory.mktemp("templates")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MCIM_DESK_DATA", str(folder / "data"))
        return Templates(folder)
